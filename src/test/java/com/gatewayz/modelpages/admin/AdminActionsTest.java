package com.gatewayz.modelpages.admin;

import static com.gatewayz.modelpages.admin.AdminPageTest.TOKEN;
import static com.gatewayz.modelpages.admin.AdminPageTest.csrfOf;
import static com.gatewayz.modelpages.admin.AdminPageTest.field;
import static com.gatewayz.modelpages.admin.AdminPageTest.postForm;
import static com.gatewayz.modelpages.admin.AdminPageTest.signIn;
import static com.gatewayz.modelpages.admin.AdminPageTest.submit;
import static com.gatewayz.modelpages.admin.AdminPageTest.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.testing.SiteExtension;
import com.gatewayz.modelpages.testing.Webhooks;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The admin page's buttons: purges and refresh behind CSRF and origin checks, and the audit log.
 */
class AdminActionsTest {

  static final String MODEL = "openai/gpt-4o";
  static final String HOSTILE = "<script>alert(1)</script>";

  @RegisterExtension
  static final SiteExtension site =
      AdminPageTest.adminSite(Map.of("MODEL_WEBHOOK_SECRET", Webhooks.SECRET));

  final List<String> alerts = new ArrayList<>();
  WebClient browser;

  @BeforeEach
  void openBrowser() {
    browser = AdminPageTest.newBrowser(alerts);
  }

  @AfterEach
  void closeBrowser() {
    browser.close();
  }

  private HtmlPage signedInPage() throws Exception {
    HtmlPage login = browser.getPage(site.uri("/admin").toURL());
    HtmlForm form = login.getFirstByXPath("//form[contains(@action, '/admin/login')]");
    form.getInputByName("token").setValue(TOKEN);
    return submit(form);
  }

  private HtmlPage submitAction(HtmlPage page, String action, String field, String value)
      throws Exception {
    HtmlForm form = page.getFirstByXPath("//form[contains(@action, '/admin/" + action + "')]");
    if (field != null) {
      form.getInputByName(field).setValue(value);
    }
    return submit(form);
  }

  private static String xCache(String path) {
    return site.get(path).headers().firstValue("X-Cache").orElse("");
  }

  @Test
  void purgingAModelThroughTheFormMakesItsNextRequestAMissAndIsAudited() throws Exception {
    String path = "/models/" + MODEL;
    site.get(path);
    assertThat(xCache(path)).isEqualTo("HIT");

    HtmlPage after = submitAction(signedInPage(), "purge-model", "model", MODEL);

    assertThat(after.getUrl().toString()).endsWith("/admin?done=purged-model");
    assertThat(after.querySelector(".flash").getTextContent()).contains("purged");
    assertThat(xCache(path)).isEqualTo("MISS");
    String audit = after.querySelector("#audit").getTextContent();
    assertThat(audit).contains("purge", "model:" + MODEL, path);
    assertThat(alerts).isEmpty();
  }

  @Test
  void aHostileModelIdIsRefusedAndNotEchoed() throws Exception {
    HtmlPage after = submitAction(signedInPage(), "purge-model", "model", HOSTILE);

    assertThat(after.getUrl().toString()).endsWith("/admin?error=bad-model");
    assertThat(after.querySelector(".flash-error").getTextContent())
        .contains("not a valid model id");
    assertThat(after.getWebResponse().getContentAsString()).doesNotContain(HOSTILE);
    assertThat(after.querySelector("#audit").getTextContent()).doesNotContain("tags=0");
    assertThat(alerts).isEmpty();
  }

  @Test
  void aHostileTagIsPurgedAndShownAsTextInTheAuditLog() throws Exception {
    HtmlPage after = submitAction(signedInPage(), "purge-tag", "tag", HOSTILE);

    assertThat(after.getUrl().toString()).endsWith("/admin?done=purged-tag");
    assertThat(after.querySelector("#audit").getTextContent()).contains(HOSTILE);
    assertThat(after.getWebResponse().getContentAsString())
        .doesNotContain(HOSTILE)
        .contains("&lt;script&gt;");
    assertThat(alerts).isEmpty();
  }

  @Test
  void tagsWithSpacesOrOverTheLimitAreRefused() {
    String cookie = signIn(site);
    String csrf = csrfOf(site, cookie);
    for (String tag : List.of("two words", "x".repeat(301), " ")) {
      HttpResponse<byte[]> response =
          postForm(
              site,
              "/admin/purge-tag",
              field("tag", tag) + "&" + field("csrf", csrf),
              "Cookie",
              AdminSession.COOKIE + "=" + cookie);
      assertThat(response.headers().firstValue("Location")).hasValue("/admin?error=bad-tag");
    }
  }

  @Test
  void aCookiePostWithoutOrWithAWrongCsrfTokenIsForbidden() {
    String cookie = signIn(site);
    java.time.Clock clock = java.time.Clock.systemUTC();
    String otherCookiesCsrf = new AdminSession(TOKEN, clock).csrfToken("1.0" + cookie);
    String otherTokensCsrf =
        new AdminSession("another-admin-token-0123456789", clock).csrfToken(cookie);
    String[] auth = {"Cookie", AdminSession.COOKIE + "=" + cookie};

    assertThat(postForm(site, "/admin/purge-tag", field("tag", "models:list"), auth).statusCode())
        .isEqualTo(403);
    assertThat(
            postForm(site, "/admin/purge-tag", field("tag", "models:list") + "&csrf=abc", auth)
                .statusCode())
        .isEqualTo(403);
    assertThat(postForm(site, "/admin/refresh", field("csrf", otherCookiesCsrf), auth).statusCode())
        .isEqualTo(403);
    assertThat(postForm(site, "/admin/refresh", field("csrf", otherTokensCsrf), auth).statusCode())
        .isEqualTo(403);
    assertThat(
            postForm(site, "/admin/refresh", field("csrf", csrfOf(site, cookie)), auth)
                .statusCode())
        .isEqualTo(303);
  }

  @Test
  void aPostWithoutAuthenticationGetsTheSignInForm() {
    HttpResponse<byte[]> response = postForm(site, "/admin/purge-tag", field("tag", "models:list"));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(text(response)).contains("name=\"token\"");
  }

  @Test
  void aPostFromAnotherOriginIsForbiddenEvenWithTheToken() {
    String bearer = "Bearer " + TOKEN;
    String evil = "https://evil.example";

    assertThat(
            postForm(site, "/admin/refresh", "", "Authorization", bearer, "Origin", evil)
                .statusCode())
        .isEqualTo(403);
    assertThat(postForm(site, "/admin/login", field("token", TOKEN), "Origin", evil).statusCode())
        .isEqualTo(403);
    assertThat(
            postForm(site, "/admin/refresh", "", "Authorization", bearer, "Origin", "null")
                .statusCode())
        .isEqualTo(403);
    String own = "http://127.0.0.1:" + site.port();
    assertThat(
            postForm(site, "/admin/refresh", "", "Authorization", bearer, "Origin", own)
                .statusCode())
        .isEqualTo(303);
  }

  @Test
  void aBearerRequestNeedsNoCsrfTokenAndTheRefreshIsAudited() {
    HttpResponse<byte[]> response =
        postForm(site, "/admin/refresh", "", "Authorization", "Bearer " + TOKEN);

    assertThat(response.statusCode()).isEqualTo(303);
    assertThat(response.headers().firstValue("Location")).hasValue("/admin?done=refreshed");
    String page = text(site.get("/admin", "Authorization", "Bearer " + TOKEN));
    assertThat(page)
        .contains("<td>refresh</td>")
        .containsPattern("ok, \\d+ failed, \\d+ skipped; catalog \\d+ models");
  }

  @Test
  void webhookDeliveriesAreAuditedWithTheirOutcome() {
    String body =
        Webhooks.modelEvent("models.added", "xai", "xai/grok-audit", "0.000003", Webhooks.T0);
    send(body, Webhooks.signature(body));
    send(body, "0".repeat(64));

    String page = text(site.get("/admin", "Authorization", "Bearer " + TOKEN));

    assertThat(page).contains("<td>webhook</td>", "<td>ok</td>", "models.added for xai: 1 models");
    assertThat(page).contains("<td>unauthorized</td>", "Invalid webhook signature");
    assertThat(page).contains("model:xai/grok-audit");
  }

  private static void send(String body, String signature) {
    site.send(
        HttpRequest.newBuilder(site.uri("/api/webhooks/models-updated"))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json")
            .header("x-webhook-signature", signature));
  }
}
