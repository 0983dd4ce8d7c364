package com.gatewayz.modelpages.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The stateless sign-in cookie and the CSRF token derived from it. */
class AdminSessionTest {

  static final String TOKEN = "first-admin-token-0123456789";
  static final String OTHER_TOKEN = "second-admin-token-987654321";

  private final MutableClock clock = MutableClock.atEpochSeconds(1_700_000_000L);
  private final AdminSession session = new AdminSession(TOKEN, clock);

  @Test
  void anIssuedCookieIsValidAndDoesNotContainTheToken() {
    String cookie = session.issue();

    assertThat(session.isValid(cookie)).isTrue();
    assertThat(cookie).doesNotContain(TOKEN).matches("1700028800\\.[0-9a-f]{64}");
  }

  @Test
  void aCookieExpiresAfterItsLifetime() {
    String cookie = session.issue();

    clock.advance(AdminSession.LIFETIME.minusSeconds(1));
    assertThat(session.isValid(cookie)).isTrue();
    clock.advance(Duration.ofSeconds(1));
    assertThat(session.isValid(cookie)).isFalse();
  }

  @Test
  void aCookieIssuedUnderOneTokenIsRefusedAfterTheTokenChanges() {
    String cookie = session.issue();
    AdminSession rotated = new AdminSession(OTHER_TOKEN, clock);

    assertThat(rotated.isValid(cookie)).isFalse();
    assertThat(rotated.isCsrfToken(cookie, session.csrfToken(cookie))).isFalse();
    assertThat(rotated.isValid(rotated.issue())).isTrue();
  }

  @Test
  void aCookieWithAnotherExpiryOrSignatureIsRefused() {
    String cookie = session.issue();
    String signature = cookie.substring(cookie.indexOf('.') + 1);
    String flipped = (signature.charAt(0) == 'a' ? "b" : "a") + signature.substring(1);

    assertThat(session.isValid("1700099999." + signature)).isFalse();
    assertThat(session.isValid("1700028800." + flipped)).isFalse();
    assertThat(session.isValid("1700028800." + signature.toUpperCase())).isFalse();
  }

  @Test
  void aCookieLivingLongerThanTheLifetimeIsRefusedEvenWhenSigned() {
    MutableClock future = MutableClock.atEpochSeconds(1_800_000_000L);
    String farExpiry = new AdminSession(TOKEN, future).issue();

    assertThat(session.isValid(farExpiry)).isFalse();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "abc",
        ".",
        "1.",
        ".abc",
        "-1.00",
        "1e9.00",
        "99999999999999999999.00",
        "1700028800"
      })
  void malformedCookiesAreRefused(String value) {
    assertThat(session.isValid(value)).isFalse();
  }

  @Test
  void theCsrfTokenBelongsToOneCookie() {
    String cookie = session.issue();
    clock.advance(Duration.ofSeconds(5));
    String otherCookie = session.issue();
    String csrf = session.csrfToken(cookie);

    assertThat(session.isCsrfToken(cookie, csrf)).isTrue();
    assertThat(session.isCsrfToken(otherCookie, csrf)).isFalse();
    assertThat(session.isCsrfToken(cookie, null)).isFalse();
    assertThat(session.isCsrfToken(null, csrf)).isFalse();
    assertThat(session.isCsrfToken(cookie, "")).isFalse();
    assertThat(csrf).doesNotContain(TOKEN).isNotEqualTo(cookie);
  }

  @Test
  void theCookieIsHttpOnlyStrictAndScopedToTheAdminPath() {
    assertThat(session.setCookie("v", "/shop", false))
        .isEqualTo(
            "model_pages_admin=v; Max-Age=28800; Path=/shop/admin; HttpOnly; SameSite=Strict");
    assertThat(session.setCookie("v", "", true)).contains("; Path=/admin;").endsWith("; Secure");
    assertThat(AdminSession.clearCookie("", false))
        .startsWith("model_pages_admin=; Max-Age=0; Path=/admin");
  }
}
