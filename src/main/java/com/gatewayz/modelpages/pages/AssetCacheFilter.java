package com.gatewayz.modelpages.pages;

import com.gatewayz.modelpages.pages.view.SiteContext;
import com.gatewayz.modelpages.platform.ServiceRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Browser caching of {@code /assets/*}: pages link them as {@code ?v=<asset version>}, a hash of
 * their bytes, so such a URL never changes its content and is cached for a year as {@code
 * immutable}. Any other request for an asset (no version, or another deploy's) is cached for
 * {@value #SHORT_MAX_AGE_SECONDS} seconds only, so it never pins old bytes under a new name or new
 * bytes under an old one.
 */
public class AssetCacheFilter extends HttpFilter {

  static final String VERSIONED = "public, max-age=31536000, immutable";
  static final int SHORT_MAX_AGE_SECONDS = 300;
  static final String UNVERSIONED = "public, max-age=" + SHORT_MAX_AGE_SECONDS;

  private transient String version;

  @Override
  public void init() {
    version = ServiceRegistry.from(getServletContext()).get(SiteContext.class).assetVersion();
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    boolean current = version.equals(request.getParameter("v"));
    response.setHeader("Cache-Control", current ? VERSIONED : UNVERSIONED);
    chain.doFilter(request, response);
  }
}
