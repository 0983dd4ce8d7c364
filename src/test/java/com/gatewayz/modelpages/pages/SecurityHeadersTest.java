package com.gatewayz.modelpages.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.testing.EmbeddedSite;
import com.gatewayz.modelpages.testing.EmbeddedTomcat;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HSTS exactly when the public URL is https, and browser caching of the assets: a year and
 * immutable for the versioned URLs the pages link, minutes for anything else.
 */
class SecurityHeadersTest {

  private static final Pattern STYLESHEET = Pattern.compile("/assets/site\\.css\\?v=([0-9a-f]+)");

  @TempDir Path dataDir;

  private EmbeddedTomcat site(String publicUrl) {
    return EmbeddedSite.start(
        Map.of(
            "MODEL_PAGES_DATA_DIR",
            dataDir.toString(),
            "MODEL_PAGES_PRERENDER_LIMIT",
            "0",
            "MODEL_PAGES_PUBLIC_URL",
            publicUrl));
  }

  @Test
  void anHttpsSiteSendsHstsOnPagesAndApi() {
    try (EmbeddedTomcat site = site("https://models.example.com")) {
      for (String path : new String[] {"/models", "/api/models?limit=1", "/health/live"}) {
        assertThat(site.get(path).headers().firstValue("Strict-Transport-Security"))
            .as(path)
            .hasValue("max-age=31536000");
      }
    }
  }

  @Test
  void aPlainHttpSiteSendsNoHsts() {
    try (EmbeddedTomcat site = site("http://localhost:8080")) {
      HttpResponse<byte[]> page = site.get("/models");

      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.headers().firstValue("Strict-Transport-Security")).isEmpty();
      assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }
  }

  @Test
  void theAssetUrlsThePagesLinkAreCachedForAYearAsImmutable() {
    try (EmbeddedTomcat site = site("http://localhost:8080")) {
      String versioned = linkedStylesheet(site);

      HttpResponse<byte[]> css = site.get(versioned);

      assertThat(css.statusCode()).isEqualTo(200);
      assertThat(css.headers().firstValue("Cache-Control"))
          .hasValue("public, max-age=31536000, immutable");
    }
  }

  @Test
  void otherAssetRequestsAreCachedForMinutesOnly() {
    try (EmbeddedTomcat site = site("http://localhost:8080")) {
      for (String path : new String[] {"/assets/site.css", "/assets/site.js?v=0000000000"}) {
        HttpResponse<byte[]> asset = site.get(path);

        assertThat(asset.statusCode()).as(path).isEqualTo(200);
        assertThat(asset.headers().firstValue("Cache-Control"))
            .as(path)
            .hasValue("public, max-age=300");
      }
    }
  }

  private static String linkedStylesheet(EmbeddedTomcat site) {
    String html = new String(site.get("/models").body(), StandardCharsets.UTF_8);
    Matcher link = STYLESHEET.matcher(html);
    assertThat(link.find()).as("the index links its stylesheet with a version").isTrue();
    return link.group();
  }
}
