package com.gatewayz.modelpages.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * Names for catalog data in the page cache: a page carries the tag of every piece of data it shows,
 * and a change purges the tags of what changed (DESIGN "What each event purges").
 */
public final class CacheTags {

  public static final String DETAIL = "models:detail";
  public static final String ALL = "models:all";
  public static final String LIST = "models:list";
  public static final String SEARCH = "models:search";
  public static final String POPULAR = "models:popular";

  private CacheTags() {}

  public static String model(String id) {
    return "model:" + id;
  }

  public static String gateway(String gatewayId) {
    return "models:gateway:" + gatewayId;
  }

  /**
   * A model added, changed or removed purges {@code model:<id>} (its page, every page that shows
   * it, its cached 404) and {@code models:list}; never the site-wide tags.
   */
  public static List<String> purgedBy(CatalogChange change) {
    List<String> tags = new ArrayList<>();
    change.touched().forEach(id -> tags.add(model(id)));
    if (!tags.isEmpty()) {
      tags.add(LIST);
    }
    return tags;
  }

  /** The pages of the models a change touched ({@code /models/<id>}), purged with the tags. */
  public static List<String> pathsPurgedBy(CatalogChange change) {
    List<String> paths = new ArrayList<>();
    change.touched().forEach(id -> paths.add(ModelId.pagePath(id)));
    return paths;
  }
}
