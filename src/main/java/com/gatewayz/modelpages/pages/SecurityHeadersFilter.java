package com.gatewayz.modelpages.pages;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Security headers on every response. The Content-Security-Policy allows scripts from this site
 * only: no inline script, no {@code eval}, no plugins, no framing.
 */
public class SecurityHeadersFilter extends HttpFilter {

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
          + "frame-ancestors 'none'; form-action 'self'";

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    // REQUEST dispatches only, so the response is fresh: add, which spares setHeader's search of
    // the headers already set (a visible share of a cache HIT's time in the JFR profile).
    response.addHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    response.addHeader("X-Content-Type-Options", "nosniff");
    response.addHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    response.addHeader("X-Frame-Options", "DENY");
    chain.doFilter(request, response);
  }
}
