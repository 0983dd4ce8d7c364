package com.gatewayz.modelpages.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Admin authentication: {@code Authorization: Bearer <MODEL_PAGES_ADMIN_TOKEN>}, compared in
 * constant time. With no token configured admin is off (503), so there is no default password.
 */
public final class AdminGuard {

  private final Optional<byte[]> token;

  public AdminGuard(Optional<String> token) {
    this.token = token.map(value -> value.getBytes(StandardCharsets.UTF_8));
  }

  /** Throws a 503 when admin is off, a 401 when the header does not carry the token. */
  public void check(String authorization) {
    if (token.isEmpty()) {
      throw new ApiException(503, "admin API is disabled: set MODEL_PAGES_ADMIN_TOKEN to enable it");
    }
    if (!matches(authorization)) {
      throw new ApiException(401, "missing or invalid admin token");
    }
  }

  /** True when {@code authorization} is {@code Bearer <token>}; false when admin is off. */
  public boolean matches(String authorization) {
    if (token.isEmpty() || authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    byte[] given = authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(given, token.get());
  }
}
