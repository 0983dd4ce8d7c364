package com.gatewayz.modelpages.pages;

import com.gatewayz.modelpages.catalog.CacheTags;
import com.gatewayz.modelpages.catalog.Catalog;
import com.gatewayz.modelpages.catalog.CatalogService;
import com.gatewayz.modelpages.isr.RenderedPage;
import com.gatewayz.modelpages.pages.view.IndexPageView;
import com.gatewayz.modelpages.pages.view.IndexQuery;
import com.gatewayz.modelpages.pages.view.ModelSearch;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The {@code /models} index: tagged with the list (and search when filtered). Filters that name
 * nothing and pages past the last are a 404 (not a redirect to the last: a made-up page number must
 * not become a URL that answers 200).
 */
final class IndexPages {

  private final CatalogService catalog;
  private final PageViews views;

  IndexPages(CatalogService catalog, PageViews views) {
    this.catalog = catalog;
    this.views = views;
  }

  RenderedPage render(IndexQuery query) throws ServletException, IOException {
    Catalog current = catalog.current();
    if (!Existence.ofIndex(query, current)) {
      return views.pageNotFound(Set.of(CacheTags.LIST));
    }
    ModelSearch.Result result = ModelSearch.run(current, query);
    if (query.page() > result.pageCount()) {
      return views.pageNotFound(Set.of(CacheTags.LIST));
    }
    Set<String> tags = new LinkedHashSet<>(Set.of(CacheTags.LIST, CacheTags.ALL));
    if (query.isFiltered()) {
      tags.add(CacheTags.SEARCH);
    }
    IndexPageView view = IndexPageView.of(current, query, result, views.site());
    return views.html(200, "index", query.cacheKey(), view, tags);
  }
}
