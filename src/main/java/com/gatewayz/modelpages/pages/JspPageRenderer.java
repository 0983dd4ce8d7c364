package com.gatewayz.modelpages.pages;

import com.gatewayz.modelpages.catalog.CatalogService;
import com.gatewayz.modelpages.isr.PageKey;
import com.gatewayz.modelpages.isr.PageRenderer;
import com.gatewayz.modelpages.isr.RenderedPage;
import com.gatewayz.modelpages.pages.internal.JspViews;
import com.gatewayz.modelpages.pages.internal.PathSegments;
import com.gatewayz.modelpages.pages.internal.ViewWarmUp;
import com.gatewayz.modelpages.pages.view.SiteContext;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Renders the site's pages from the current catalog through the JSP views. A thin router: the
 * {@link Router} parses a path once into a {@link Route} the key carries, and one class per page
 * kind renders it and names its tags ({@link ModelPages}, {@link IndexPages}, {@link SitemapPages},
 * {@link RedirectPage}).
 */
public final class JspPageRenderer implements PageRenderer {

  private final JspViews jsp;
  private final Router router;
  private final PageViews views;
  private final ModelPages models;
  private final IndexPages index;
  private final SitemapPages sitemaps;
  private final AtomicBoolean warmedUp = new AtomicBoolean();

  public JspPageRenderer(ServletContext context, CatalogService catalog, SiteContext site) {
    this.jsp = new JspViews(context);
    this.router = new Router(catalog);
    this.views = new PageViews(jsp, catalog, site);
    this.models = new ModelPages(catalog, views);
    this.index = new IndexPages(catalog, views);
    this.sitemaps = new SitemapPages(catalog, views);
  }

  /**
   * Compiles every view in the background (the model view is compiled by then: pre-render used it).
   */
  @Override
  public void warmUp() {
    if (warmedUp.compareAndSet(false, true)) {
      ViewWarmUp.start(jsp, List.of("index", "not-found"));
    }
  }

  @Override
  public PageKey keyOf(String path, String rawQuery) {
    return router.keyOf(path, rawQuery);
  }

  @Override
  public RenderedPage render(PageKey key) throws ServletException, IOException {
    Object route = key.route();
    if (route instanceof Route.ModelPage page) {
      return models.render(page.id());
    }
    if (route instanceof Route.Index page) {
      return index.render(page.query());
    }
    if (route instanceof Route.SitemapPart page) {
      return sitemaps.part(page.part());
    }
    if (route instanceof Route.Sitemap) {
      return sitemaps.sitemap();
    }
    throw new IllegalArgumentException("not a page key: " + key.value());
  }

  /**
   * Renders a request the cache must not keep: a search, a path that is not a valid id, or index
   * filters, pages and sitemap parts that name nothing (404).
   */
  public RenderedPage renderUncached(String path, String rawQuery)
      throws ServletException, IOException {
    if (path.startsWith(Router.MODEL_PREFIX) && Router.idOf(path) == null) {
      String raw = path.substring(Router.MODEL_PREFIX.length());
      String shown = PathSegments.decode(raw);
      return views.notFound(shown == null ? raw : shown, Set.of());
    }
    PageKey key = router.keyOf(path, rawQuery);
    return key == null ? views.pageNotFound(Set.of()) : render(key);
  }

  @Override
  public RenderedPage renderNotFound(String key) throws ServletException, IOException {
    return views.pageNotFound(Set.of());
  }

  @Override
  public RenderedPage renderError(int status, String key) throws ServletException, IOException {
    return views.error(status);
  }
}
