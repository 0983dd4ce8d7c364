package com.gatewayz.modelpages.pages;

import com.gatewayz.modelpages.catalog.CacheTags;
import com.gatewayz.modelpages.catalog.Catalog;
import com.gatewayz.modelpages.catalog.CatalogService;
import com.gatewayz.modelpages.catalog.Model;
import com.gatewayz.modelpages.catalog.ModelId;
import com.gatewayz.modelpages.catalog.RetiredModel;
import com.gatewayz.modelpages.catalog.Slugs;
import com.gatewayz.modelpages.isr.RenderedPage;
import com.gatewayz.modelpages.pages.view.ModelPageView;
import com.gatewayz.modelpages.pages.view.RetiredView;
import com.gatewayz.modelpages.pages.view.SimilarModels;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The page of a model id: 200 for a model, 301 from another id of it or a unique slug alias, 410
 * for a retired one, else a 404 kept for a minute. Each page is tagged with every model it shows.
 */
final class ModelPages {

  static final int NOT_FOUND_SECONDS = 60;
  private static final int SIMILAR_LIMIT = 6;

  private final CatalogService catalog;
  private final PageViews views;

  ModelPages(CatalogService catalog, PageViews views) {
    this.catalog = catalog;
    this.views = views;
  }

  RenderedPage render(String id) throws ServletException, IOException {
    Catalog current = catalog.current();
    Optional<Model> model = current.find(id);
    if (model.isPresent()) {
      return modelPage(model.get(), current);
    }
    Optional<String> canonical = current.canonicalIdOf(id);
    if (canonical.isPresent()) {
      return RedirectPage.to(canonical.get(), views.site());
    }
    Optional<RetiredModel> retired = current.retired(id);
    if (retired.isPresent()) {
      return retiredPage(retired.get(), current);
    }
    Optional<String> alias =
        id.indexOf('/') < 0 ? current.uniqueAlias(Slugs.alias(id)) : Optional.empty();
    if (alias.isPresent()) {
      return RedirectPage.to(alias.get(), views.site());
    }
    return views.notFound(id, Set.of(CacheTags.model(id))).withMaxAge(NOT_FOUND_SECONDS);
  }

  private RenderedPage modelPage(Model model, Catalog current)
      throws ServletException, IOException {
    ModelPageView view = ModelPageView.of(model, current, views.site());
    Set<String> tags = new LinkedHashSet<>();
    view.shownModelIds().forEach(id -> tags.add(CacheTags.model(id)));
    tags.add(CacheTags.DETAIL);
    tags.add(CacheTags.ALL);
    model.sourceGateways().forEach(gateway -> tags.add(CacheTags.gateway(gateway)));
    return views.html(200, "model", model.pagePath(), view, tags);
  }

  private RenderedPage retiredPage(RetiredModel retired, Catalog current)
      throws ServletException, IOException {
    var similar = SimilarModels.forRetired(retired, current, SIMILAR_LIMIT);
    Set<String> tags = new LinkedHashSet<>();
    tags.add(CacheTags.model(retired.id()));
    similar.forEach(model -> tags.add(CacheTags.model(model.id())));
    tags.add(CacheTags.DETAIL);
    RetiredView view = RetiredView.of(retired, similar, views.site());
    return views.html(410, "retired", ModelId.pagePath(retired.id()), view, tags);
  }
}
