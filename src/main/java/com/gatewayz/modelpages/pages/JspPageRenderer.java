package com.gatewayz.modelpages.pages;

import com.gatewayz.modelpages.pages.view.ModelSearch;
import com.gatewayz.modelpages.pages.view.IndexQuery;
import com.gatewayz.modelpages.pages.view.SiteContext;
import com.gatewayz.modelpages.catalog.CacheTags;
import com.gatewayz.modelpages.catalog.Catalog;
import com.gatewayz.modelpages.catalog.CatalogService;
import com.gatewayz.modelpages.catalog.Model;
import com.gatewayz.modelpages.catalog.ModelId;
import com.gatewayz.modelpages.catalog.RetiredModel;
import com.gatewayz.modelpages.catalog.Slugs;
import com.gatewayz.modelpages.isr.PageKey;
import com.gatewayz.modelpages.isr.PageRenderer;
import com.gatewayz.modelpages.isr.RenderedPage;
import com.gatewayz.modelpages.pages.internal.JspViews;
import com.gatewayz.modelpages.pages.internal.PathSegments;
import com.gatewayz.modelpages.pages.internal.ViewWarmUp;
import com.gatewayz.modelpages.pages.view.ErrorView;
import com.gatewayz.modelpages.pages.view.IndexPageView;
import com.gatewayz.modelpages.pages.view.ModelPageView;
import com.gatewayz.modelpages.pages.view.NotFoundView;
import com.gatewayz.modelpages.pages.view.RetiredView;
import com.gatewayz.modelpages.pages.view.SimilarModels;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Renders the site's pages from the current catalog through the JSP views: model pages (200, 301
 * from another id of the model or a unique slug alias, 404, 410), the index and the sitemap. Each page names as tags every piece of data it
 * shows, so a purge reaches it.
 */
public final class JspPageRenderer implements PageRenderer {

  static final String MODELS = "/models";
  static final String MODEL_PREFIX = "/models/";
  static final String SITEMAP = "/sitemap.xml";
  static final int NOT_FOUND_SECONDS = 60;
  private static final int SIMILAR_LIMIT = 6;

  private final JspViews views;
  private final CatalogService catalog;
  private final SiteContext site;
  private volatile byte[] pageNotFoundBody;
  private final AtomicBoolean warmedUp = new AtomicBoolean();

  public JspPageRenderer(ServletContext context, CatalogService catalog, SiteContext site) {
    this.views = new JspViews(context);
    this.catalog = catalog;
    this.site = site;
  }

  /** Compiles every view in the background (the model view is compiled by then: pre-render used it). */
  @Override
  public void warmUp() {
    if (warmedUp.compareAndSet(false, true)) {
      ViewWarmUp.start(views, List.of("index", "not-found"));
    }
  }

  @Override
  public PageKey keyOf(String path, String rawQuery) {
    if (path.equals(MODELS) || path.equals(MODELS + "/")) {
      IndexQuery query = IndexQuery.parse(rawQuery);
      boolean exists = Existence.ofIndex(query, catalog.current());
      return new PageKey(query.cacheKey(), query.cacheable() && exists, false);
    }
    if (path.startsWith(MODEL_PREFIX)) {
      String id = idOf(path);
      return id == null ? new PageKey(path, false, true) : new PageKey(ModelId.pagePath(id), true, true);
    }
    if (isSitemapPart(path)) {
      return new PageKey(path, Existence.ofSitemapPart(sitemapPart(path), catalog.current()), false);
    }
    return path.equals(SITEMAP) ? new PageKey(SITEMAP, true, false) : null;
  }

  private static boolean isSitemapPart(String path) {
    return path.startsWith(SitemapXml.PART_PREFIX) && path.matches("/sitemaps/[1-9][0-9]{0,5}\\.xml");
  }

  private static int sitemapPart(String path) {
    return Integer.parseInt(path.substring(SitemapXml.PART_PREFIX.length(), path.length() - 4));
  }

  /** The valid model id a page path names, or null. */
  static String idOf(String path) {
    String id = PathSegments.decode(path.substring(MODEL_PREFIX.length()));
    return id != null && ModelId.isValid(id) ? id : null;
  }

  @Override
  public RenderedPage render(PageKey key) throws ServletException, IOException {
    return render(key.value());
  }

  private RenderedPage render(String key) throws ServletException, IOException {
    if (key.equals(SITEMAP)) {
      return sitemap(SitemapXml.render(catalog.current(), site));
    }
    if (isSitemapPart(key)) {
      return sitemapPart(sitemapPart(key));
    }
    if (key.startsWith(MODEL_PREFIX)) {
      return modelPage(PathSegments.decode(key.substring(MODEL_PREFIX.length())));
    }
    if (key.equals(MODELS) || key.startsWith(MODELS + "?")) {
      return index(IndexQuery.parse(key.substring(Math.min(key.length(), MODELS.length() + 1))));
    }
    throw new IllegalArgumentException("not a page key: " + key);
  }

  private RenderedPage sitemapPart(int part) throws ServletException, IOException {
    Catalog current = catalog.current();
    if (!Existence.ofSitemapPart(part, current)) {
      return pageNotFound(Set.of(CacheTags.LIST));
    }
    return sitemap(SitemapXml.renderPart(current, site, part));
  }

  private static RenderedPage sitemap(byte[] body) {
    return new RenderedPage(200, "application/xml;charset=UTF-8", body, Set.of(CacheTags.LIST, CacheTags.ALL), 0, null);
  }

  /**
   * Renders a request the cache must not keep: a search, a path that is not a valid id, or index
   * filters, pages and sitemap parts that name nothing (404).
   */
  public RenderedPage renderUncached(String path, String rawQuery) throws ServletException, IOException {
    if (path.startsWith(MODEL_PREFIX) && idOf(path) == null) {
      String shown = PathSegments.decode(path.substring(MODEL_PREFIX.length()));
      return notFound(shown == null ? path.substring(MODEL_PREFIX.length()) : shown, Set.of());
    }
    PageKey key = keyOf(path, rawQuery);
    if (key == null) {
      return pageNotFound(Set.of());
    }
    return key.value().startsWith(MODELS) && !key.dynamic() ? index(IndexQuery.parse(rawQuery)) : render(key.value());
  }

  private RenderedPage modelPage(String id) throws ServletException, IOException {
    Catalog current = catalog.current();
    Optional<Model> model = current.find(id);
    if (model.isPresent()) {
      return modelPage(model.get(), current);
    }
    Optional<String> canonical = current.canonicalIdOf(id);
    if (canonical.isPresent()) {
      return redirect(canonical.get());
    }
    Optional<RetiredModel> retired = current.retired(id);
    if (retired.isPresent()) {
      return retiredPage(retired.get(), current);
    }
    Optional<String> alias = id.indexOf('/') < 0 ? current.uniqueAlias(Slugs.alias(id)) : Optional.empty();
    if (alias.isPresent()) {
      return redirect(alias.get());
    }
    RenderedPage page = notFound(id, Set.of(CacheTags.model(id)));
    return page.withMaxAge(NOT_FOUND_SECONDS);
  }

  private RenderedPage modelPage(Model model, Catalog current) throws ServletException, IOException {
    ModelPageView view = ModelPageView.of(model, current, site);
    Set<String> tags = new LinkedHashSet<>();
    view.shownModelIds().forEach(id -> tags.add(CacheTags.model(id)));
    tags.add(CacheTags.DETAIL);
    tags.add(CacheTags.ALL);
    model.sourceGateways().forEach(gateway -> tags.add(CacheTags.gateway(gateway)));
    return html(200, "model", model.pagePath(), view, tags);
  }

  private RenderedPage retiredPage(RetiredModel retired, Catalog current) throws ServletException, IOException {
    var similar = SimilarModels.forRetired(retired, current, SIMILAR_LIMIT);
    Set<String> tags = new LinkedHashSet<>();
    tags.add(CacheTags.model(retired.id()));
    similar.forEach(model -> tags.add(CacheTags.model(model.id())));
    tags.add(CacheTags.DETAIL);
    return html(410, "retired", ModelId.pagePath(retired.id()), RetiredView.of(retired, similar, site), tags);
  }

  private RenderedPage redirect(String targetId) {
    String location = site.link(ModelId.pagePath(targetId));
    String escaped = SitemapXml.escape(location);
    byte[] body =
        ("<!doctype html><meta charset=\"utf-8\"><title>Moved</title><p>Moved to <a href=\""
                + escaped + "\">" + escaped + "</a></p>")
            .getBytes(StandardCharsets.UTF_8);
    Set<String> tags = Set.of(CacheTags.LIST, CacheTags.model(targetId));
    return new RenderedPage(301, "text/html;charset=UTF-8", body, tags, 0, location);
  }

  private RenderedPage notFound(String requestedId, Set<String> tags) throws ServletException, IOException {
    var suggestions = Suggestions.forId(catalog.current(), requestedId, 5);
    return html(404, "not-found", MODELS, NotFoundView.of(requestedId, suggestions, site), tags);
  }

  // The same bytes for every request that names nothing: rendered once, not once per made-up URL.
  private RenderedPage pageNotFound(Set<String> tags) throws ServletException, IOException {
    byte[] body = pageNotFoundBody;
    if (body == null) {
      body = html(404, "not-found", MODELS, NotFoundView.of(null, List.of(), site), Set.of()).body();
      pageNotFoundBody = body;
    }
    return RenderedPage.html(404, body, tags);
  }

  // A 404 for filters that name nothing and for pages past the last (not a redirect to the last:
  // a made-up page number must not become a URL that answers 200).
  private RenderedPage index(IndexQuery query) throws ServletException, IOException {
    Catalog current = catalog.current();
    if (!Existence.ofIndex(query, current)) {
      return pageNotFound(Set.of(CacheTags.LIST));
    }
    ModelSearch.Result result = ModelSearch.run(current, query);
    if (query.page() > result.pageCount()) {
      return pageNotFound(Set.of(CacheTags.LIST));
    }
    Set<String> tags = new LinkedHashSet<>(Set.of(CacheTags.LIST, CacheTags.ALL));
    if (query.isFiltered()) {
      tags.add(CacheTags.SEARCH);
    }
    return html(200, "index", query.cacheKey(), IndexPageView.of(current, query, result, site), tags);
  }

  @Override
  public RenderedPage renderNotFound(String key) throws ServletException, IOException {
    return pageNotFound(Set.of());
  }

  @Override
  public RenderedPage renderError(int status, String key) throws ServletException, IOException {
    return html(status, "error", MODELS, ErrorView.of(status, site), Set.of());
  }

  private RenderedPage html(int status, String view, String sitePath, Object model, Set<String> tags)
      throws ServletException, IOException {
    byte[] body = views.render(view, sitePath, Map.of("view", model, "site", site));
    return RenderedPage.html(status, body, tags);
  }
}
