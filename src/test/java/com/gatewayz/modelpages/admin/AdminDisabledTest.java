package com.gatewayz.modelpages.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.testing.EmbeddedSite;
import com.gatewayz.modelpages.testing.EmbeddedTomcat;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With no admin token configured, every admin path answers 503 and says how to enable it. */
class AdminDisabledTest {

  @TempDir static Path dataDir;
  static EmbeddedTomcat site;

  @BeforeAll
  static void start() {
    site =
        EmbeddedSite.start(
            Map.of("MODEL_PAGES_DATA_DIR", dataDir.toString(), "MODEL_PAGES_PRERENDER_LIMIT", "0"));
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  @Test
  void theAdminPageIsOffUntilATokenIsSet() {
    HttpResponse<byte[]> response =
        site.get("/admin", "Authorization", "Bearer anything-at-all-123456");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(AdminPageTest.text(response))
        .contains("MODEL_PAGES_ADMIN_TOKEN")
        .doesNotContain("name=\"token\"");
  }

  @Test
  void signingInIsOffToo() {
    HttpResponse<byte[]> response =
        AdminPageTest.postForm(
            site, "/admin/login", AdminPageTest.field("token", "anything-at-all-123456"));

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
  }
}
