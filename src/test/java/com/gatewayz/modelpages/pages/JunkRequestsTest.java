package com.gatewayz.modelpages.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.isr.Isr;
import com.gatewayz.modelpages.platform.JsonSupport;
import com.gatewayz.modelpages.platform.ServiceRegistry;
import com.gatewayz.modelpages.popularity.ViewCounts;
import com.gatewayz.modelpages.testing.EmbeddedSite;
import com.gatewayz.modelpages.testing.EmbeddedTomcat;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Made-up filter values, pages, sitemap parts and model ids against the whole site: none becomes a
 * page in the page cache, none shows the visitor's text, and the hot pages stay heap HITs.
 */
class JunkRequestsTest {

  private static final String TOKEN = "junk-test-admin-token-0123";
  private static final List<String> HOT =
      List.of("/models", "/models/openai/gpt-4o", "/sitemap.xml", "/models?developer=openai");

  @TempDir static Path dataDir;
  static EmbeddedTomcat site;
  static Isr isr;
  static ViewCounts views;

  @BeforeAll
  static void start() {
    site =
        EmbeddedSite.start(
            Map.of(
                "MODEL_PAGES_DATA_DIR",
                dataDir.toString(),
                "MODEL_PAGES_PRERENDER_LIMIT",
                "0",
                "MODEL_PAGES_ADMIN_TOKEN",
                TOKEN));
    isr = ServiceRegistry.from(site.servletContext()).get(Isr.class);
    views = ServiceRegistry.from(site.servletContext()).get(ViewCounts.class);
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  private static String header(HttpResponse<byte[]> response, String name) {
    return response.headers().firstValue(name).orElse(null);
  }

  private static String body(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  private static void assertUncached404(String path) {
    HttpResponse<byte[]> response = site.get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(404);
    assertThat(header(response, "X-Cache")).as(path + ": not served by the cache").isNull();
    assertThat(header(response, "Cache-Control")).as(path).doesNotContain("public");
    assertThat(body(response))
        .as(path)
        .contains("<meta name=\"robots\" content=\"noindex, follow\">");
  }

  @Test
  void anUnknownDeveloperIsAnUncached404ThatShowsNoneOfItsText() {
    String path = "/models?developer=visit.evil.com-free-credits";

    assertUncached404(path);
    HttpResponse<byte[]> again = site.get(path);

    String page = body(again).toLowerCase(Locale.ROOT);
    assertThat(page)
        .contains("<title>page not found | gatewayz</title>")
        .doesNotContain("evil")
        .doesNotContain("credits");
    assertThat(page).doesNotContain("rel=\"canonical\"");
    assertThat(header(again, "X-Cache")).isNull();
  }

  @Test
  void unknownOrIllFormedGatewaysModalitiesAndDevelopersAre404s() {
    assertUncached404("/models?gateway=no-such-gateway");
    assertUncached404("/models?modality=smell");
    assertUncached404("/models?developer=%3Cscript%3E");
    assertUncached404("/models?q=gpt&developer=made-up-corp");
  }

  @Test
  void knownFiltersAndTheEmptyFilterFormAreCachedPages() {
    for (String path :
        List.of("/models?developer=anthropic&free=1", "/models?q=&developer=&gateway=&modality=")) {
      site.get(path);
      HttpResponse<byte[]> second = site.get(path);
      assertThat(second.statusCode()).as(path).isEqualTo(200);
      assertThat(header(second, "X-Cache")).as(path).isEqualTo("HIT");
    }
  }

  @Test
  void aPagePastTheLastIsA404NotACachedPage() {
    long entries = isr.entryCount();

    assertUncached404("/models?page=99");
    assertUncached404("/models?page=0");
    HttpResponse<byte[]> pastFilteredLast = site.get("/models?developer=anthropic&page=2");

    assertThat(pastFilteredLast.statusCode()).isEqualTo(404);
    assertThat(body(pastFilteredLast)).contains("noindex");
    assertThat(site.get("/models?page=2").statusCode()).isEqualTo(200);
    assertThat(isr.entryCount()).isEqualTo(entries + 1);
  }

  @Test
  void aSitemapPartPastTheLastIsAnUncached404() {
    assertUncached404("/sitemaps/2.xml");
    assertUncached404("/sitemaps/999999.xml");
    assertThat(site.get("/sitemaps/1.xml").statusCode()).isEqualTo(200);
  }

  @Test
  void aSortedIndexIsCanonicalToTheUnsortedOne() {
    String page = body(site.get("/models?developer=openai&sort=price"));

    assertThat(page)
        .contains(
            "<link rel=\"canonical\" href=\"http://localhost:8080/models?developer=openai\">");
  }

  @Test
  void thousandsOfJunkRequestsLeaveThePageCacheAsItWasAndHotPagesAreHits() {
    HOT.forEach(site::get);
    long entries = isr.entryCount();

    for (int i = 0; i < 600; i++) {
      site.get("/models?developer=visit-evil-" + i);
      site.get("/models/junk-vendor/made-up-model-" + i);
    }
    for (int i = 0; i < 300; i++) {
      site.get("/models?gateway=evil-gateway-" + i);
      site.get("/models?page=" + (10 + i));
      site.get("/sitemaps/" + (2 + i) + ".xml");
      site.get("/models?modality=m" + i);
    }

    assertThat(isr.entryCount()).isEqualTo(entries);
    assertThat(isr.negativeCache().entries()).isBetween(1L, isr.negativeCache().maxEntries());
    for (String path : HOT) {
      assertThat(header(site.get(path), "X-Cache")).as(path).isEqualTo("HIT");
    }
    assertThat(views.top(10_000)).noneMatch(key -> key.contains("junk") || key.contains("evil"));
    JsonObject report = cacheReport();
    assertThat(report.getJsonNumber("entries").longValue()).isEqualTo(entries);
    assertThat(report.getJsonObject("negative").getInt("entries")).isPositive();
    assertThat(report.getJsonObject("negative").getInt("ttlSeconds")).isEqualTo(60);
  }

  private static JsonObject cacheReport() {
    HttpResponse<byte[]> response = site.get("/api/cache", "Authorization", "Bearer " + TOKEN);
    assertThat(response.statusCode()).isEqualTo(200);
    return JsonSupport.JSON.createReader(new StringReader(body(response))).readObject();
  }
}
