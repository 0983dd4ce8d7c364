package com.gatewayz.modelpages.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.testing.RawHttp;
import com.gatewayz.modelpages.testing.SiteExtension;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Wrong admin tokens over real HTTP: every admin endpoint backs off per client address (each test
 * speaks from its own loopback address), failures show in the audit log on {@code /admin}, and
 * behind an https public URL the sign-in cookie is {@code Secure}. The lockout's timing is tested
 * on a hand-moved clock in {@link AdminGuardTest}.
 */
class AdminBackoffTest {

  static final String TOKEN = AdminPageTest.TOKEN;
  static final Duration PATIENCE = Duration.ofSeconds(30);

  @RegisterExtension
  static final SiteExtension site =
      AdminPageTest.adminSite(
          Map.of(
              "MODEL_PAGES_ADMIN_MAX_FAILURES", "3",
              "MODEL_PAGES_PUBLIC_URL", "https://models.example.com"));

  private static InetAddress loopback(int last) {
    try {
      return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) last});
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One request from {@code 127.0.0.<from>}, {@code body} sent as a form when not null. */
  private static RawHttp.Response request(
      int from, String method, String path, String body, String... headers) {
    try (RawHttp http = RawHttp.connect(site.uri("/"), loopback(from))) {
      String[] all = new String[headers.length + 2];
      all[0] = "Connection: close";
      all[1] = "Content-Length: " + (body == null ? 0 : body.length());
      System.arraycopy(headers, 0, all, 2, headers.length);
      http.head(method + " " + path + " HTTP/1.1", "127.0.0.1", all);
      if (body != null) {
        http.send(body.getBytes(StandardCharsets.US_ASCII));
      }
      return http.response(PATIENCE);
    }
  }

  private static RawHttp.Response bearer(int from, String method, String path, String token) {
    String body = method.equals("POST") ? "{\"type\":\"models\"}" : null;
    return request(
        from,
        method,
        path,
        body,
        "Authorization: Bearer " + token,
        "Content-Type: application/json");
  }

  private static RawHttp.Response signIn(int from, String token) {
    return request(
        from,
        "POST",
        "/admin/login",
        AdminPageTest.field("token", token),
        "Content-Type: application/x-www-form-urlencoded");
  }

  @Test
  void wrongBearerTokensOnTheApiBackOffWith429AndRetryAfterForThatAddressOnly() {
    for (int i = 0; i < 3; i++) {
      assertThat(bearer(5, "GET", "/api/cache", "wrong-token-" + i).status()).isEqualTo(401);
    }

    RawHttp.Response locked = bearer(5, "GET", "/api/cache", TOKEN);

    assertThat(locked.status()).isEqualTo(429);
    assertThat(locked.header("Retry-After")).isEqualTo("60");
    assertThat(locked.header("Content-Type")).startsWith("application/json");
    assertThat(locked.body())
        .isEqualTo(
            "{\"error\":\"too many wrong admin tokens from this address; retry in 60 seconds\"}");
    assertThat(bearer(5, "POST", "/api/cache/invalidate", TOKEN).status()).isEqualTo(429);
    assertThat(bearer(5, "POST", "/api/gateways/refresh", TOKEN).status()).isEqualTo(429);
    assertThat(bearer(5, "GET", "/admin", TOKEN).status()).isEqualTo(429);
    assertThat(bearer(6, "GET", "/api/cache", TOKEN).status()).isEqualTo(200);
  }

  @Test
  void wrongSignInsBackOffWithTheFormAnd429() {
    for (int i = 0; i < 3; i++) {
      assertThat(signIn(7, "wrong-token-" + i).status()).isEqualTo(401);
    }

    RawHttp.Response locked = signIn(7, TOKEN);

    assertThat(locked.status()).isEqualTo(429);
    assertThat(locked.header("Retry-After")).isEqualTo("60");
    assertThat(locked.header("Set-Cookie")).isNull();
    assertThat(locked.body())
        .contains("Too many wrong tokens from your address: try again in 60 seconds.")
        .contains("name=\"token\"");
    assertThat(bearer(7, "GET", "/admin", TOKEN).status()).isEqualTo(429);
    assertThat(signIn(8, TOKEN).status()).isEqualTo(303);
  }

  @Test
  void wrongTokensAndLockoutsAreAuditedOnTheAdminPage() {
    signIn(9, "wrong-token-a");
    bearer(9, "GET", "/api/cache", "wrong-token-b");
    bearer(9, "POST", "/admin/refresh", "wrong-token-c");

    HttpResponse<byte[]> page = site.get("/admin", "Authorization", "Bearer " + TOKEN);

    assertThat(AdminPageTest.text(page))
        .contains("<td>sign-in</td>", "<td>denied</td>", "<td>locked-out</td>")
        .contains("wrong token from 127.0.0.9 (sign-in form)")
        .contains("wrong token from 127.0.0.9 (bearer token on /api/cache)")
        .contains("wrong token from 127.0.0.9 (bearer token on /admin)")
        .contains("127.0.0.9 locked out for 60 s")
        .doesNotContain("wrong-token-");
  }

  @Test
  void theSignInCookieIsSecureWhenThePublicUrlIsHttps() {
    RawHttp.Response signedIn = signIn(10, TOKEN);

    assertThat(signedIn.status()).isEqualTo(303);
    assertThat(signedIn.header("Set-Cookie"))
        .contains("; HttpOnly", "; SameSite=Strict")
        .endsWith("; Secure");
    RawHttp.Response signedOut = request(10, "POST", "/admin/logout", "");
    assertThat(signedOut.header("Set-Cookie")).contains("Max-Age=0").endsWith("; Secure");
  }
}
