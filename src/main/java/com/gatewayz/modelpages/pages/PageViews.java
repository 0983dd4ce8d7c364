package com.gatewayz.modelpages.pages;

import com.gatewayz.modelpages.catalog.CatalogService;
import com.gatewayz.modelpages.isr.RenderedPage;
import com.gatewayz.modelpages.pages.internal.JspViews;
import com.gatewayz.modelpages.pages.view.ErrorView;
import com.gatewayz.modelpages.pages.view.NotFoundView;
import com.gatewayz.modelpages.pages.view.SiteContext;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders view beans through the JSPs into pages, and the 404 and error pages every kind shares.
 */
final class PageViews {

  private static final int SUGGESTIONS = 5;

  private final JspViews views;
  private final CatalogService catalog;
  private final SiteContext site;
  private volatile byte[] pageNotFoundBody;

  PageViews(JspViews views, CatalogService catalog, SiteContext site) {
    this.views = views;
    this.catalog = catalog;
    this.site = site;
  }

  SiteContext site() {
    return site;
  }

  /** Includes {@code WEB-INF/views/<view>.jsp} with the bean {@code model} as an HTML page. */
  RenderedPage html(int status, String view, String sitePath, Object model, Set<String> tags)
      throws ServletException, IOException {
    byte[] body = views.render(view, sitePath, Map.of("view", model, "site", site));
    return RenderedPage.html(status, body, tags);
  }

  /** The "Model not found" page for {@code requestedId} (any text), with suggestions. */
  RenderedPage notFound(String requestedId, Set<String> tags) throws ServletException, IOException {
    var suggestions = Suggestions.forId(catalog.current(), requestedId, SUGGESTIONS);
    return html(
        404, "not-found", Router.MODELS, NotFoundView.of(requestedId, suggestions, site), tags);
  }

  // The same bytes for every request that names nothing: rendered once, not once per made-up URL.
  RenderedPage pageNotFound(Set<String> tags) throws ServletException, IOException {
    byte[] body = pageNotFoundBody;
    if (body == null) {
      NotFoundView view = NotFoundView.of(null, List.of(), site);
      body = html(404, "not-found", Router.MODELS, view, Set.of()).body();
      pageNotFoundBody = body;
    }
    return RenderedPage.html(404, body, tags);
  }

  RenderedPage error(int status) throws ServletException, IOException {
    return html(status, "error", Router.MODELS, ErrorView.of(status, site), Set.of());
  }
}
