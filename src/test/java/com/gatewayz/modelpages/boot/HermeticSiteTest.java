package com.gatewayz.modelpages.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.testing.EmbeddedSite;
import com.gatewayz.modelpages.testing.EmbeddedTomcat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Settings exported where the tests run never reach an application a test starts: the test's own
 * settings are all it sees, and a data directory named outside is never touched.
 */
class HermeticSiteTest {

  private static final String TEST_TOKEN = "hermetic-test-token-0123456789";

  @TempDir Path outsideDataDir;
  private final Map<String, String> hostile =
      Map.of(
          "MODEL_PAGES_ADMIN_TOKEN", "hostile-admin-token-0123456789",
          "MODEL_PAGES_DYNAMIC_PARAMS", "false",
          "MODEL_PAGES_PRERENDER_LIMIT", "0",
          "MODEL_PAGES_GATEWAYS_FILE", "/nonexistent/gateways.json",
          "MODEL_PAGES_EHCACHE_XML", "/nonexistent/ehcache.xml",
          "MODEL_PAGES_MODEL_ALIASES_FILE", "/nonexistent/model-aliases.json");

  @BeforeEach
  void exportHostileSettings() throws IOException {
    Files.writeString(outsideDataDir.resolve("sentinel"), "the user's data");
    hostile.forEach(System::setProperty);
    System.setProperty("MODEL_PAGES_DATA_DIR", outsideDataDir.toString());
  }

  @AfterEach
  void clearThem() {
    hostile.keySet().forEach(System::clearProperty);
    System.clearProperty("MODEL_PAGES_DATA_DIR");
  }

  @Test
  void theSiteSeesOnlyTheSettingsItWasGiven() throws IOException {
    try (EmbeddedTomcat site =
        EmbeddedSite.start(
            Map.of("MODEL_PAGES_ADMIN_TOKEN", TEST_TOKEN, "MODEL_PAGES_PRERENDER_LIMIT", "0"))) {
      assertThat(site.get("/api/cache", "Authorization", "Bearer " + TEST_TOKEN).statusCode())
          .isEqualTo(200);
      assertThat(
              site.get(
                      "/api/cache",
                      "Authorization",
                      "Bearer " + hostile.get("MODEL_PAGES_ADMIN_TOKEN"))
                  .statusCode())
          .isEqualTo(401);
      assertThat(site.get("/models/openai/gpt-4o").statusCode())
          .as("dynamic params stay on: a page that was not pre-rendered is served")
          .isEqualTo(200);
    }

    try (Stream<Path> files = Files.list(outsideDataDir)) {
      assertThat(files.map(path -> path.getFileName().toString()).toList())
          .isEqualTo(List.of("sentinel"));
    }
  }
}
