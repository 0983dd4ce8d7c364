package com.gatewayz.modelpages.pages;

import static com.gatewayz.modelpages.testing.Http.header;
import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.testing.Deployments;
import com.gatewayz.modelpages.testing.Http;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The shipped WAR on Tomcat and on Payara: pages with the right facts, 404, 301, index, sitemap.
 */
@ExtendWith(ArquillianExtension.class)
class PagesIT {

  static final String PUBLIC_URL = "https://models.example.test";

  @ArquillianResource URL base;
  private Http http;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.modelPages(
        Map.of("MODEL_PAGES_PUBLIC_URL", PUBLIC_URL, "MODEL_PAGES_PRERENDER_LIMIT", "3"));
  }

  @BeforeEach
  void client() {
    http = new Http(base);
  }

  @Test
  void aModelPageShowsTheModelsFacts() {
    HttpResponse<String> page = http.get("/models/openai/gpt-4o");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(header(page, "Content-Type")).startsWith("text/html");
    assertThat(page.body())
        .contains("<title>GPT-4o | Gatewayz</title>")
        .contains("openai/gpt-4o")
        .contains("$2.50 / 1M")
        .contains("$10.00 / 1M")
        .contains("<link rel=\"canonical\" href=\"" + PUBLIC_URL + "/models/openai/gpt-4o\"")
        .contains("application/ld+json")
        .doesNotContain("2.5E-6");
    assertThat(header(page, "Content-Security-Policy")).contains("script-src 'self'");
  }

  @Test
  void anHttpsSiteSendsHstsAndItsLinkedAssetsAreImmutable() {
    HttpResponse<String> page = http.get("/models");
    Matcher stylesheet = Pattern.compile("/assets/site\\.css\\?v=[0-9a-f]+").matcher(page.body());

    assertThat(header(page, "Strict-Transport-Security")).isEqualTo("max-age=31536000");
    assertThat(stylesheet.find()).isTrue();
    assertThat(header(http.get(stylesheet.group()), "Cache-Control"))
        .isEqualTo("public, max-age=31536000, immutable");
    assertThat(header(http.get("/assets/site.css"), "Cache-Control"))
        .isEqualTo("public, max-age=300");
  }

  @Test
  void freeAndVariablePricesAreNamed() {
    assertThat(http.get("/models/meta-llama/llama-3.3-70b-instruct:free").body()).contains("Free");
    assertThat(http.get("/models/openrouter/auto").body()).contains("Variable");
  }

  @Test
  void anUnknownModelIsA404PageWithASearchBox() {
    HttpResponse<String> page = http.get("/models/nobody/no-such-model");

    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.body()).contains("Model not found").contains("name=\"q\"");
  }

  @Test
  void anIllFormedIdIsA404ThatIsNeverCached() {
    HttpResponse<String> page = http.get("/models/bad%3Cscript%3E/x");

    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(header(page, "X-Cache")).isNull();
    assertThat(page.body()).doesNotContain("<script>");
  }

  @Test
  void aUniqueSlugAliasRedirectsToTheCanonicalPage() {
    HttpResponse<String> redirect = http.get("/models/gpt-4o");

    assertThat(redirect.statusCode()).isEqualTo(301);
    assertThat(header(redirect, "Location")).endsWith("/models/openai/gpt-4o");
  }

  @Test
  void theIndexFiltersSortsAndPages() {
    HttpResponse<String> openai = http.get("/models?developer=openai&sort=name");
    HttpResponse<String> search = http.get("/models?q=claude");

    assertThat(openai.statusCode()).isEqualTo(200);
    assertThat(openai.body()).contains("GPT-4o").doesNotContain("Claude Sonnet 4.6");
    assertThat(search.body()).contains("Claude Sonnet 4.6").doesNotContain("GPT-4o<");
    assertThat(header(search, "X-Cache")).isNull();
  }

  @Test
  void filtersThatNameNothingAreUncached404sThatShowNoneOfTheirText() {
    HttpResponse<String> developer = http.get("/models?developer=visit.evil.com-free-credits");
    HttpResponse<String> page = http.get("/models?page=999");
    HttpResponse<String> part = http.get("/sitemaps/999.xml");

    for (HttpResponse<String> response : java.util.List.of(developer, page, part)) {
      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(header(response, "X-Cache")).isNull();
      assertThat(response.body()).contains("Page not found").contains("noindex");
    }
    assertThat(developer.body()).doesNotContainIgnoringCase("evil");
  }

  @Test
  void theSitemapListsEveryModelWithAbsoluteUrls() {
    HttpResponse<String> sitemap = http.get("/sitemap.xml");

    assertThat(sitemap.statusCode()).isEqualTo(200);
    assertThat(header(sitemap, "Content-Type")).startsWith("application/xml");
    assertThat(sitemap.body()).contains("<loc>" + PUBLIC_URL + "/models/openai/gpt-4o</loc>");
    assertThat(http.get("/robots.txt").body()).contains("Sitemap: " + PUBLIC_URL + "/sitemap.xml");
  }

  static String read(java.nio.file.Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
