package com.gatewayz.modelpages.popularity;

import com.gatewayz.modelpages.catalog.CatalogService;
import com.gatewayz.modelpages.catalog.Model;
import com.gatewayz.modelpages.catalog.ModelId;
import com.gatewayz.modelpages.isr.Popularity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Which model pages matter most: the catalog's order (curated models first, then by gateway order)
 * as a prior, plus the decayed views each page had. The prior is worth {@value #PRIOR_VIEWS} views
 * for the first model and fades down the list, so traffic reorders the top but a handful of views
 * cannot push a niche model above the flagships.
 */
public final class CuratedPopularity implements Popularity {

  static final double PRIOR_VIEWS = 20;
  private static final double PRIOR_FADE = 0.95;

  private final CatalogService catalog;
  private final ViewCounts views;

  public CuratedPopularity(CatalogService catalog, ViewCounts views) {
    this.catalog = catalog;
    this.views = views;
  }

  @Override
  public void viewed(String key) {
    views.viewed(key);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Only the first {@code limit} models and the viewed ones are scored: every other model has no
   * views and a rank past {@code limit}, so it scores below each of the first {@code limit} (whose
   * score is at least their larger prior) and can never be among them. At 100,000 models this runs
   * after every purge; scoring every model made a page path per model each time.
   */
  @Override
  public List<String> mostPopularKeys(int limit) {
    List<Model> models = catalog.current().models();
    Set<String> viewedIds = views.viewedIdsOf(ModelId.PAGE_PREFIX);
    record Ranked(String key, double score, int rank) {}
    List<Ranked> ranked = new ArrayList<>(Math.min(models.size(), limit + viewedIds.size()));
    for (int rank = 0; rank < models.size(); rank++) {
      Model model = models.get(rank);
      if (rank < limit || viewedIds.contains(model.id())) {
        String key = model.pagePath();
        ranked.add(new Ranked(key, prior(rank) + views.score(key), rank));
      } else if (viewedIds.isEmpty()) {
        break;
      }
    }
    ranked.sort(
        Comparator.comparingDouble(Ranked::score).reversed().thenComparingInt(Ranked::rank));
    return ranked.stream().limit(limit).map(Ranked::key).toList();
  }

  static double prior(int rank) {
    return PRIOR_VIEWS * Math.pow(PRIOR_FADE, rank);
  }
}
