package com.gatewayz.modelpages.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.testing.SiteExtension;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With no admin token configured, every admin path answers 503 and says how to enable it. */
class AdminDisabledTest {

  @RegisterExtension static final SiteExtension site = SiteExtension.with();

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
