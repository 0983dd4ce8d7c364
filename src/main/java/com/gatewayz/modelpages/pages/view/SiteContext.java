package com.gatewayz.modelpages.pages.view;

/**
 * What every view needs to build links: the context path for links within the site, and the public
 * URL for absolute URLs (canonical, OpenGraph, JSON-LD, sitemap), never the Host header.
 *
 * @param contextPath "" at the root, else "/name"
 * @param publicUrl absolute, without a trailing slash ({@code http://localhost:8080})
 * @param assetVersion appended to asset URLs so a new deploy busts browser caches
 */
public record SiteContext(String contextPath, String publicUrl, String assetVersion) {

  public SiteContext {
    publicUrl =
        publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }

  /** A link within the site: the context path plus {@code path}. */
  public String link(String path) {
    return contextPath + path;
  }

  /** An absolute URL: the public URL plus {@code path}. */
  public String absolute(String path) {
    return publicUrl + path;
  }

  /** Bean getters for the JSPs (EL 5 does not read record components). */
  public String getContextPath() {
    return contextPath;
  }

  public String getAssetVersion() {
    return assetVersion;
  }
}
