package com.gatewayz.modelpages.popularity;

import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.catalog.CatalogService;
import com.gatewayz.modelpages.catalog.Model;
import com.gatewayz.modelpages.catalog.Offer;
import com.gatewayz.modelpages.catalog.Pricing;
import com.gatewayz.modelpages.testing.MutableClock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CuratedPopularityTest {

  private static List<Model> models(int count) {
    List<Model> models = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Model model =
          new Model(
              "dev/model-" + i, null, null, null, 8192, null, null, null, null, null, List.of());
      models.add(
          model.withOffers(
              List.of(new Offer("openrouter", Pricing.perToken("1", "1"), null, null))));
    }
    return models;
  }

  private final ViewCounts views = new ViewCounts(null);
  private final CuratedPopularity popularity =
      new CuratedPopularity(CatalogService.of(models(60), MutableClock.atEpochSeconds(0)), views);

  @Test
  void withoutTrafficTheCatalogOrderDecides() {
    assertThat(popularity.mostPopularKeys(3))
        .containsExactly("/models/dev/model-0", "/models/dev/model-1", "/models/dev/model-2");
  }

  @Test
  void trafficLiftsAPageIntoTheTop() {
    for (int i = 0; i < 30; i++) {
      views.viewed("/models/dev/model-50");
    }

    assertThat(popularity.mostPopularKeys(2))
        .containsExactly("/models/dev/model-50", "/models/dev/model-0");
  }

  @Test
  void aHandfulOfViewsDoesNotBeatTheFlagships() {
    views.viewed("/models/dev/model-59");
    views.viewed("/models/dev/model-59");

    assertThat(popularity.mostPopularKeys(5)).doesNotContain("/models/dev/model-59");
  }

  /** The definition: every model scored, best first, ties by catalog order. */
  private static List<String> scoringEveryModel(List<Model> models, ViewCounts views, int limit) {
    List<Integer> ranks = new ArrayList<>();
    for (int rank = 0; rank < models.size(); rank++) {
      ranks.add(rank);
    }
    ranks.sort(
        Comparator.comparingDouble(
                (Integer rank) ->
                    CuratedPopularity.prior(rank) + views.score(models.get(rank).pagePath()))
            .reversed()
            .thenComparingInt(rank -> rank));
    return ranks.stream().limit(limit).map(rank -> models.get(rank).pagePath()).toList();
  }

  @Test
  void scoringTheTopAndTheViewedOnlyGivesWhatScoringEveryModelGives() {
    Random random = new Random(18);
    for (int round = 0; round < 200; round++) {
      List<Model> models = models(1 + random.nextInt(300));
      ViewCounts seen = new ViewCounts(null);
      int viewedPages = random.nextInt(40);
      for (int i = 0; i < viewedPages; i++) {
        // Some views name pages that are not models of the catalog.
        String page = "/models/dev/model-" + random.nextInt(models.size() + 20);
        int times = 1 + random.nextInt(random.nextBoolean() ? 3 : 60);
        for (int j = 0; j < times; j++) {
          seen.viewed(page);
        }
      }
      if (random.nextBoolean()) {
        seen.decay(random.nextInt(48)); // folded scores as well as fresh views
      }
      int limit = random.nextInt(models.size() + 5);
      CuratedPopularity ranked =
          new CuratedPopularity(CatalogService.of(models, MutableClock.atEpochSeconds(0)), seen);

      assertThat(ranked.mostPopularKeys(limit))
          .as("round %d: %d models, limit %d", round, models.size(), limit)
          .isEqualTo(scoringEveryModel(models, seen, limit));
    }
  }
}
