package com.gatewayz.modelpages.admin;

import com.gatewayz.modelpages.platform.HmacSha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.spec.SecretKeySpec;

/**
 * The admin page's stateless sign-in: a cookie value {@code <expiryEpochSeconds>.<hex
 * HMAC-SHA256(key=admin token, "admin-session|" + expiry)>} that never contains the token, and a
 * CSRF token {@code hex HMAC-SHA256(key=admin token, "csrf|" + cookie value)} for the page's forms.
 * Every comparison is constant-time. Changing the admin token invalidates every cookie and CSRF
 * token issued under the old one. Immutable and thread-safe.
 */
public final class AdminSession {

  public static final String COOKIE = "model_pages_admin";
  public static final Duration LIFETIME = Duration.ofHours(8);

  private static final int MAX_EXPIRY_DIGITS = 12;

  private final SecretKeySpec key;
  private final Clock clock;

  public AdminSession(String token, Clock clock) {
    this.key =
        HmacSha256.key(Objects.requireNonNull(token, "token").getBytes(StandardCharsets.UTF_8));
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A new cookie value, valid for {@link #LIFETIME} from now. */
  public String issue() {
    long expiry = clock.instant().plus(LIFETIME).getEpochSecond();
    return expiry + "." + sign("admin-session|" + expiry);
  }

  /** True when {@code value} was issued under this token and has not expired; false for null. */
  public boolean isValid(String value) {
    int dot = value == null ? -1 : value.indexOf('.');
    if (dot < 1 || dot > MAX_EXPIRY_DIGITS || !digits(value, dot)) {
      return false;
    }
    long expiry = Long.parseLong(value.substring(0, dot));
    long now = clock.instant().getEpochSecond();
    boolean live = expiry > now && expiry <= now + LIFETIME.toSeconds();
    return same(value.substring(dot + 1), sign("admin-session|" + expiry)) && live;
  }

  /** The CSRF token of the forms of a page shown to the holder of {@code cookieValue}. */
  public String csrfToken(String cookieValue) {
    return sign("csrf|" + cookieValue);
  }

  /** True when {@code given} is the CSRF token of {@code cookieValue}. */
  public boolean isCsrfToken(String cookieValue, String given) {
    return cookieValue != null && given != null && same(given, csrfToken(cookieValue));
  }

  /** The {@code Set-Cookie} value that signs in for {@link #LIFETIME}. */
  public String setCookie(String cookieValue, String contextPath, boolean secure) {
    return cookie(cookieValue, contextPath, secure, LIFETIME.toSeconds());
  }

  /** The {@code Set-Cookie} value that signs out (deletes the cookie). */
  public static String clearCookie(String contextPath, boolean secure) {
    return cookie("", contextPath, secure, 0);
  }

  private static String cookie(String value, String contextPath, boolean secure, long maxAge) {
    return COOKIE
        + "="
        + value
        + "; Max-Age="
        + maxAge
        + "; Path="
        + contextPath
        + "/admin"
        + "; HttpOnly; SameSite=Strict"
        + (secure ? "; Secure" : "");
  }

  private String sign(String message) {
    return HexFormat.of().formatHex(HmacSha256.mac(key, message.getBytes(StandardCharsets.UTF_8)));
  }

  private static boolean same(String given, String expected) {
    return MessageDigest.isEqual(
        given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }

  private static boolean digits(String value, int end) {
    for (int i = 0; i < end; i++) {
      if (value.charAt(i) < '0' || value.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
