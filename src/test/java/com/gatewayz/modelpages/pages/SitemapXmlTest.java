package com.gatewayz.modelpages.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.catalog.Catalog;
import com.gatewayz.modelpages.catalog.Model;
import com.gatewayz.modelpages.pages.view.SiteContext;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Test;

class SitemapXmlTest {

  private static final SiteContext SITE = new SiteContext("", "https://models.example.test", "v1");

  static Model model(String id, Long created) {
    return new Model(id, null, null, null, 8192, null, null, null, null, created, List.of());
  }

  static void validate(byte[] xml, String schema) throws Exception {
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    Validator validator =
        factory.newSchema(SitemapXmlTest.class.getResource("/sitemaps/" + schema)).newValidator();
    validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
  }

  static int count(byte[] xml, String element) {
    return new String(xml, StandardCharsets.UTF_8).split("<" + element + ">", -1).length - 1;
  }

  @Test
  void aSmallCatalogIsOneValidUrlSetWithAbsoluteUrlsAndLastmod() throws Exception {
    Catalog catalog =
        Catalog.of(
            List.of(model("openai/gpt-4o", 1_715_558_400L), model("a/b+c@d", null)),
            Map.of(),
            Map.of("a/b+c@d", 1_764_201_600_000L));

    byte[] xml = SitemapXml.render(catalog, SITE);

    validate(xml, "sitemap.xsd");
    assertThat(new String(xml, StandardCharsets.UTF_8))
        .contains("<loc>https://models.example.test/models</loc>")
        .contains(
            "<loc>https://models.example.test/models/openai/gpt-4o</loc><lastmod>2024-05-13</lastmod>")
        .contains(
            "<loc>https://models.example.test/models/a/b+c@d</loc><lastmod>2025-11-27</lastmod>");
    assertThat(count(xml, "url")).isEqualTo(3);
  }

  @Test
  void pastFiftyThousandUrlsTheSitemapIsAnIndexOfValidParts() throws Exception {
    List<Model> models = new ArrayList<>();
    for (int i = 0; i < 50_000; i++) {
      models.add(model("dev/model-" + i, 1_700_000_000L));
    }
    Catalog catalog = Catalog.of(models);

    byte[] index = SitemapXml.render(catalog, SITE);
    byte[] first = SitemapXml.renderPart(catalog, SITE, 1);
    byte[] second = SitemapXml.renderPart(catalog, SITE, 2);

    validate(index, "siteindex.xsd");
    validate(first, "sitemap.xsd");
    validate(second, "sitemap.xsd");
    assertThat(SitemapXml.partCount(catalog)).isEqualTo(2);
    assertThat(new String(index, StandardCharsets.UTF_8))
        .contains("<loc>https://models.example.test/sitemaps/1.xml</loc>")
        .contains("<loc>https://models.example.test/sitemaps/2.xml</loc>");
    assertThat(count(first, "url")).isEqualTo(50_000);
    assertThat(count(second, "url")).isEqualTo(1);
    assertThat(new String(second, StandardCharsets.UTF_8)).contains("dev/model-49999<");
  }
}
