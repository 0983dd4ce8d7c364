package com.gatewayz.modelpages.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.testing.Site;
import com.gatewayz.modelpages.testing.SiteExtension;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.htmlunit.CollectingAlertHandler;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /admin} over real HTTP: who gets the page, the sign-in form and its cookie, in a browser.
 */
class AdminPageTest {

  static final String TOKEN = "admin-page-test-token-0123456789";

  @RegisterExtension static final SiteExtension site = adminSite(Map.of());

  final List<String> alerts = new ArrayList<>();
  WebClient browser;

  /** The site with the admin token {@link #TOKEN} and {@code more} settings. */
  static SiteExtension adminSite(Map<String, String> more) {
    Map<String, String> settings = new java.util.HashMap<>(more);
    settings.put("MODEL_PAGES_ADMIN_TOKEN", TOKEN);
    return SiteExtension.with(settings);
  }

  @BeforeEach
  void openBrowser() {
    browser = newBrowser(alerts);
  }

  @AfterEach
  void closeBrowser() {
    browser.close();
  }

  static WebClient newBrowser(List<String> alerts) {
    WebClient browser = new WebClient();
    browser.getOptions().setCssEnabled(false);
    browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
    browser.setAlertHandler(new CollectingAlertHandler(alerts));
    return browser;
  }

  static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  static HttpResponse<byte[]> postForm(Site site, String path, String form, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(site.uri(path))
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .header("Content-Type", "application/x-www-form-urlencoded");
    if (headers.length > 0) {
      request.headers(headers);
    }
    return site.send(request);
  }

  static String field(String name, String value) {
    return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** Signs in with the form over plain HTTP and returns the cookie value. */
  static String signIn(Site site) {
    HttpResponse<byte[]> response = postForm(site, "/admin/login", field("token", TOKEN));
    assertThat(response.statusCode()).isEqualTo(303);
    String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
    return setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
  }

  /** The CSRF token of the page shown to the holder of {@code cookie}. */
  static String csrfOf(Site site, String cookie) {
    String page = text(site.get("/admin", "Cookie", AdminSession.COOKIE + "=" + cookie));
    java.util.regex.Matcher csrf =
        java.util.regex.Pattern.compile("name=\"csrf\" value=\"([0-9a-f]+)\"").matcher(page);
    assertThat(csrf.find()).as("a CSRF field in%n%s", page).isTrue();
    return csrf.group(1);
  }

  Page browserSignIn() throws Exception {
    HtmlPage login = browser.getPage(site.uri("/admin").toURL());
    HtmlForm form = login.getFirstByXPath("//form[contains(@action, '/admin/login')]");
    form.getInputByName("token").setValue(TOKEN);
    return submit(form);
  }

  static <P extends Page> P submit(HtmlForm form) throws Exception {
    HtmlButton button = form.getFirstByXPath(".//button[@type='submit']");
    return button.click();
  }

  @Test
  void withoutAuthenticationTheSignInFormIsShownAndNothingIsCached() {
    HttpResponse<byte[]> response = site.get("/admin");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(response.headers().firstValue("X-Cache")).isEmpty();
    assertThat(text(response))
        .contains("action=\"/admin/login\"", "name=\"token\"")
        .doesNotContain("Audit log");
  }

  @Test
  void aWrongBearerTokenIsRefused() {
    HttpResponse<byte[]> response =
        site.get("/admin", "Authorization", "Bearer not-the-token-at-all");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(text(response)).contains("name=\"token\"").doesNotContain("Audit log");
  }

  @Test
  void theBearerTokenShowsThePageWithTheStats() {
    site.get("/models/openai/gpt-4o");

    HttpResponse<byte[]> response = site.get("/admin", "Authorization", "Bearer " + TOKEN);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(text(response))
        .contains(
            "Entries",
            "Hit ratio",
            "Hits",
            "Stales",
            "Misses",
            "Renders",
            "Render p50",
            "Render p99")
        .contains("Pre-rendered pages", "Gateways", "openrouter", "Audit log");
  }

  @Test
  void aWrongTokenInTheFormIsRefusedWithTheFormAgain() {
    HttpResponse<byte[]> response =
        postForm(site, "/admin/login", field("token", "wrong-token-0123456789"));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
    assertThat(text(response))
        .contains("Sign-in failed.", "name=\"token\"")
        .doesNotContain("wrong-token");
  }

  @Test
  void signingInInABrowserSetsAStrictHttpOnlyCookieWithoutTheToken() throws Exception {
    browser.getOptions().setRedirectEnabled(false);
    Page redirect = browserSignIn();

    assertThat(redirect.getWebResponse().getStatusCode()).isEqualTo(303);
    String setCookie = redirect.getWebResponse().getResponseHeaderValue("Set-Cookie");
    assertThat(setCookie)
        .startsWith(AdminSession.COOKIE + "=")
        .contains("; HttpOnly", "; SameSite=Strict", "; Path=/admin", "; Max-Age=28800")
        .doesNotContain("Secure", TOKEN);

    browser.getOptions().setRedirectEnabled(true);
    HtmlPage page = browser.getPage(site.uri("/admin?done=signed-in").toURL());
    assertThat(page.getWebResponse().getStatusCode()).isEqualTo(200);
    assertThat(page.querySelector(".flash").getTextContent()).isEqualTo("Signed in.");
    for (String section : List.of("#cache", "#actions", "#prerendered", "#gateways", "#audit")) {
      assertThat(page.querySelectorAll(section)).as(section).hasSize(1);
    }
    assertThat(alerts).isEmpty();
  }

  @Test
  void signingOutClearsTheCookie() throws Exception {
    HtmlPage page = (HtmlPage) browserSignIn();
    HtmlForm logout = page.getFirstByXPath("//form[contains(@action, '/admin/logout')]");

    HtmlPage after = submit(logout);

    assertThat(after.getUrl().toString()).endsWith("/admin?done=signed-out");
    assertThat(after.querySelectorAll("input[name=token]")).hasSize(1);
    assertThat(browser.getCookieManager().getCookie(AdminSession.COOKIE)).isNull();
  }

  @Test
  void unknownAdminPathsAreNotFound() {
    assertThat(site.get("/admin/nothing", "Authorization", "Bearer " + TOKEN).statusCode())
        .isEqualTo(404);
    assertThat(
            postForm(site, "/admin/nothing", "", "Authorization", "Bearer " + TOKEN).statusCode())
        .isEqualTo(404);
  }
}
