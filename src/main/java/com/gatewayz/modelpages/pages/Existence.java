package com.gatewayz.modelpages.pages;

import com.gatewayz.modelpages.catalog.Catalog;
import com.gatewayz.modelpages.pages.view.IndexQuery;

/**
 * Whether a request names something the current catalog has. The cache makes keys only for those: a
 * made-up developer, gateway, page or sitemap part is an uncached 404, so visitors cannot fill the
 * page cache with pages that show nothing (or their own text).
 */
final class Existence {

  private Existence() {}

  /**
   * Whether the index query's filters name known values and its page can exist. The exact last page
   * of a filter is only known once the search ran (at render, which answers 404 past it).
   */
  static boolean ofIndex(IndexQuery query, Catalog catalog) {
    return query.rejected() == null
        && (query.developer() == null || catalog.developers().contains(query.developer()))
        && (query.gateway() == null || catalog.gateways().contains(query.gateway()))
        && query.page() <= pagesAtMost(catalog);
  }

  // The unfiltered index's page count: no filtered index has more pages.
  private static int pagesAtMost(Catalog catalog) {
    return Math.max(1, (catalog.size() + IndexQuery.PAGE_SIZE - 1) / IndexQuery.PAGE_SIZE);
  }

  static boolean ofSitemapPart(int part, Catalog catalog) {
    return part <= SitemapXml.partCount(catalog);
  }
}
