package com.gatewayz.modelpages.pages;

import com.gatewayz.modelpages.catalog.CatalogService;
import com.gatewayz.modelpages.catalog.ModelId;
import com.gatewayz.modelpages.isr.PageKey;
import com.gatewayz.modelpages.pages.internal.PathSegments;
import com.gatewayz.modelpages.pages.view.IndexQuery;
import java.util.regex.Pattern;

/**
 * Turns a page path and query into a cache key carrying its {@link Route}: the one place page paths
 * are parsed. Keys name only what the current catalog has (see {@link Existence}).
 */
final class Router {

  static final String MODELS = "/models";
  static final String MODEL_PREFIX = "/models/";
  static final String SITEMAP = "/sitemap.xml";
  private static final Pattern SITEMAP_PART = Pattern.compile("/sitemaps/[1-9][0-9]{0,5}\\.xml");

  private final CatalogService catalog;

  Router(CatalogService catalog) {
    this.catalog = catalog;
  }

  /** See {@link com.gatewayz.modelpages.isr.PageRenderer#keyOf}. */
  PageKey keyOf(String path, String rawQuery) {
    if (path.equals(MODELS) || path.equals(MODELS + "/")) {
      IndexQuery query = IndexQuery.parse(rawQuery);
      boolean exists = Existence.ofIndex(query, catalog.current());
      return new PageKey(
          query.cacheKey(), query.cacheable() && exists, false, new Route.Index(query));
    }
    if (path.startsWith(MODEL_PREFIX)) {
      String id = idOf(path);
      return id == null
          ? new PageKey(path, false, true)
          : new PageKey(ModelId.pagePath(id), true, true, new Route.ModelPage(id));
    }
    if (SITEMAP_PART.matcher(path).matches()) {
      int part =
          Integer.parseInt(path.substring(SitemapXml.PART_PREFIX.length(), path.length() - 4));
      boolean exists = Existence.ofSitemapPart(part, catalog.current());
      return new PageKey(path, exists, false, new Route.SitemapPart(part));
    }
    return path.equals(SITEMAP) ? new PageKey(SITEMAP, true, false, new Route.Sitemap()) : null;
  }

  /** The valid model id a page path names, or null. */
  static String idOf(String path) {
    String id = PathSegments.decode(path.substring(MODEL_PREFIX.length()));
    return id != null && ModelId.isValid(id) ? id : null;
  }
}
