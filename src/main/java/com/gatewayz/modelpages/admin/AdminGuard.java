package com.gatewayz.modelpages.admin;

import com.gatewayz.modelpages.platform.AuditLog;
import com.gatewayz.modelpages.platform.Settings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Admin authentication: {@code Authorization: Bearer <MODEL_PAGES_ADMIN_TOKEN>} or the sign-in
 * form's token, compared in constant time. With no token configured admin is off (503), so there is
 * no default password.
 *
 * <p>Wrong tokens back off per client address ({@link SignInThrottle}): while an address is locked
 * out every token it presents is refused unread (429 with {@code Retry-After}), the right one
 * included. Each wrong token and each lockout is written to the {@link AuditLog}. Requests that
 * present no token are not counted. Thread-safe.
 */
public final class AdminGuard {

  /** What became of a presented token. */
  public enum Verdict {
    /** The admin token: allowed, and the address's failures are forgotten. */
    ALLOWED,
    /** Not the admin token (or admin is off): counted and audited. */
    DENIED,
    /** The address is locked out: refused without looking at the token. */
    THROTTLED
  }

  private static final Logger LOG = Logger.getLogger(AdminGuard.class.getName());
  private static final String BEARER = "Bearer ";

  private final Optional<byte[]> token;
  private final SignInThrottle throttle;
  private final AuditLog audit;

  public AdminGuard(
      Optional<String> token, Settings.SignInLimits limits, Clock clock, AuditLog audit) {
    this.token = token.map(value -> value.getBytes(StandardCharsets.UTF_8));
    this.throttle = new SignInThrottle(limits, clock);
    this.audit = audit;
  }

  /** False when no admin token is configured: admin is off and every token is refused. */
  public boolean isEnabled() {
    return token.isPresent();
  }

  /** Judges an {@code Authorization} header from {@code client}; see {@link #judge}. */
  public Verdict judgeBearer(String authorization, String client, String endpoint) {
    boolean bearer = authorization != null && authorization.regionMatches(true, 0, BEARER, 0, 7);
    String presented = bearer ? authorization.substring(BEARER.length()).trim() : null;
    return judge(presented, client, "bearer token on " + endpoint);
  }

  /**
   * Judges a token presented by {@code client} through {@code via} (for the audit log): {@link
   * Verdict#THROTTLED} while the address is locked out, else {@link Verdict#ALLOWED} or {@link
   * Verdict#DENIED} (null, or admin off).
   */
  public Verdict judge(String presented, String client, String via) {
    if (throttle.retryAfterSeconds(client) > 0) {
      return Verdict.THROTTLED;
    }
    if (isToken(presented)) {
      throttle.succeeded(client);
      return Verdict.ALLOWED;
    }
    denied(client, via);
    return Verdict.DENIED;
  }

  /** Whole seconds until {@code client} may present a token again; 0 when it may now. */
  public long retryAfterSeconds(String client) {
    return throttle.retryAfterSeconds(client);
  }

  private boolean isToken(String presented) {
    return token.isPresent()
        && presented != null
        && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), token.get());
  }

  private void denied(String client, String via) {
    String address = SignInThrottle.key(client);
    AdminAudit.signIn(audit, "denied", "wrong token from " + address + " (" + via + ")");
    Duration lockout = throttle.failed(client);
    if (!lockout.isZero()) {
      String detail = address + " locked out for " + lockout.toSeconds() + " s";
      AdminAudit.signIn(audit, "locked-out", detail);
      LOG.warning(() -> "[Admin] Too many wrong tokens: " + detail);
    }
  }
}
