package com.gatewayz.modelpages.popularity;

import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.catalog.CatalogService;
import com.gatewayz.modelpages.catalog.Model;
import com.gatewayz.modelpages.catalog.Offer;
import com.gatewayz.modelpages.catalog.Pricing;
import com.gatewayz.modelpages.testing.MutableClock;
import java.util.ArrayList;
import java.util.List;
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
}
