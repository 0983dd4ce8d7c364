package com.gatewayz.modelpages.pages;

import com.gatewayz.modelpages.pages.view.IndexQuery;

/**
 * What a page path names, parsed once by the {@link Router}: the route a cache key carries to the
 * render, so a render never parses or decodes the key again.
 */
sealed interface Route {

  /** {@code /models/<id>}: a model page, a redirect to one, a retired model or a 404. */
  record ModelPage(String id) implements Route {}

  /** {@code /models?...}: the index with its normalised query. */
  record Index(IndexQuery query) implements Route {}

  /** {@code /sitemap.xml}: the sitemap, or the index of its parts. */
  record Sitemap() implements Route {}

  /** {@code /sitemaps/<part>.xml}: one part of a large sitemap. */
  record SitemapPart(int part) implements Route {}
}
