package com.gatewayz.modelpages.pages;

import com.gatewayz.modelpages.catalog.CacheTags;
import com.gatewayz.modelpages.catalog.Catalog;
import com.gatewayz.modelpages.catalog.CatalogService;
import com.gatewayz.modelpages.isr.RenderedPage;
import com.gatewayz.modelpages.pages.view.SiteContext;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.Set;

/** {@code /sitemap.xml} and its parts, tagged with the list; a part past the last is a 404. */
final class SitemapPages {

  private static final Set<String> TAGS = Set.of(CacheTags.LIST, CacheTags.ALL);

  private final CatalogService catalog;
  private final PageViews views;

  SitemapPages(CatalogService catalog, PageViews views) {
    this.catalog = catalog;
    this.views = views;
  }

  RenderedPage sitemap() {
    return xml(SitemapXml.render(catalog.current(), site()));
  }

  RenderedPage part(int part) throws ServletException, IOException {
    Catalog current = catalog.current();
    if (!Existence.ofSitemapPart(part, current)) {
      return views.pageNotFound(Set.of(CacheTags.LIST));
    }
    return xml(SitemapXml.renderPart(current, site(), part));
  }

  private SiteContext site() {
    return views.site();
  }

  private static RenderedPage xml(byte[] body) {
    return new RenderedPage(200, "application/xml;charset=UTF-8", body, TAGS, 0, null);
  }
}
