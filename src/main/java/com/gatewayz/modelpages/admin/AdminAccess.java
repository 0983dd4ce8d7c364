package com.gatewayz.modelpages.admin;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;

/**
 * Who is asking for an admin page, and whether a POST comes from this site. A request that carries
 * an {@code Authorization} header is judged by it alone (an API client: no cookie, no CSRF token);
 * otherwise by the sign-in cookie. Bearer tokens go through the {@link AdminGuard}'s back-off.
 */
enum AdminAccess {
  /** The right bearer token: allowed, no CSRF token needed. */
  BEARER,
  /** A valid sign-in cookie: allowed; a POST must carry the CSRF token. */
  SESSION,
  /** An {@code Authorization} header without the right token. */
  WRONG_BEARER,
  /** An {@code Authorization} header from an address locked out after too many wrong tokens. */
  THROTTLED,
  /** Neither header nor valid cookie. */
  NONE;

  static AdminAccess of(HttpServletRequest request, AdminGuard guard, AdminSession session) {
    String authorization = request.getHeader("Authorization");
    if (authorization != null) {
      return switch (guard.judgeBearer(authorization, request.getRemoteAddr(), "/admin")) {
        case ALLOWED -> BEARER;
        case DENIED -> WRONG_BEARER;
        case THROTTLED -> THROTTLED;
      };
    }
    // A valid cookie is proof of an earlier sign-in, not a guess: it is never throttled.
    return session.isValid(sessionCookie(request)) ? SESSION : NONE;
  }

  boolean isAllowed() {
    return this == BEARER || this == SESSION;
  }

  /** The value of the sign-in cookie, or null. */
  static String sessionCookie(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return null;
    }
    for (Cookie cookie : cookies) {
      if (AdminSession.COOKIE.equals(cookie.getName())) {
        return cookie.getValue();
      }
    }
    return null;
  }

  /**
   * False when the request has an {@code Origin} header naming another origin than the request's
   * own or the public URL's (a proxy in front may terminate TLS); true without the header.
   */
  static boolean isSameOrigin(HttpServletRequest request, URI publicUrl) {
    String origin = request.getHeader("Origin");
    if (origin == null) {
      return true;
    }
    String own = origin(request.getScheme(), request.getServerName(), request.getServerPort());
    String configured = origin(publicUrl.getScheme(), publicUrl.getHost(), publicUrl.getPort());
    return origin.equalsIgnoreCase(own) || origin.equalsIgnoreCase(configured);
  }

  static String origin(String scheme, String host, int port) {
    String lowerScheme = scheme == null ? "" : scheme.toLowerCase(Locale.ROOT);
    boolean defaultPort =
        port < 0
            || (port == 80 && lowerScheme.equals("http"))
            || (port == 443 && lowerScheme.equals("https"));
    String hostPart =
        host != null && host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    return lowerScheme + "://" + hostPart + (defaultPort ? "" : ":" + port);
  }
}
