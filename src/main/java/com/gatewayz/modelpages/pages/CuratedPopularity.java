package com.gatewayz.modelpages.pages;

import com.gatewayz.modelpages.catalog.CatalogService;
import com.gatewayz.modelpages.catalog.Model;
import com.gatewayz.modelpages.isr.Popularity;
import java.util.ArrayList;
import java.util.List;

/** Popularity as the catalog orders it (the curated order first): model pages, then the index. */
public final class CuratedPopularity implements Popularity {

  private final CatalogService catalog;

  public CuratedPopularity(CatalogService catalog) {
    this.catalog = catalog;
  }

  @Override
  public List<String> mostPopularKeys(int limit) {
    List<String> keys = new ArrayList<>(Math.min(limit, 1024));
    for (Model model : catalog.current().models()) {
      if (keys.size() >= limit) {
        break;
      }
      keys.add(model.pagePath());
    }
    return keys;
  }
}
