package com.gatewayz.modelpages.pages.view;

import static com.gatewayz.modelpages.testing.TestModels.model;
import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.catalog.Catalog;
import com.gatewayz.modelpages.catalog.Model;
import com.gatewayz.modelpages.catalog.RetiredModel;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The index answers exactly what scoring every model of the catalog (the former way) answers. */
class SimilarityIndexTest {

  private static final String[] DEVELOPERS = {"openai", "anthropic", "meta-llama", "qwen", "x", ""};
  private static final String[] STEMS = {
    "gpt", "claude-sonnet", "claude-opus", "llama", "qwen-coder", "a.b-c", "mistral-large", "q"
  };
  private static final String[] PRICES = {
    null,
    "0",
    "-1",
    "0.000001",
    "0.0000015",
    "0.000002",
    "0.000003",
    "0.000004",
    "0.0000041",
    "0.00001",
    "0.00000025",
    "0.0000005"
  };
  private static final long[] CONTEXTS = {0, 4096, 8192, 8193, 16_384, 32_000, 65_536, 131_072};

  @Test
  void ranksAsTheFullScanOnAGeneratedCatalog() {
    Catalog catalog = generated(new Random(18), 1000);

    for (Model model : catalog.models()) {
      List<Model> expected = scan(model.id(), ModelTraits.of(model), catalog, 25);
      for (int limit : new int[] {1, 6, 25}) {
        assertThat(SimilarModels.of(model, catalog, limit))
            .as("%s, limit %d", model.id(), limit)
            .isEqualTo(expected.subList(0, Math.min(limit, expected.size())));
      }
    }
  }

  @Test
  void ranksRetiredModelsAsTheFullScan() {
    Catalog catalog = generated(new Random(7), 2000);
    Random random = new Random(8);

    for (int i = 0; i < 300; i++) {
      String developer = DEVELOPERS[random.nextInt(DEVELOPERS.length)];
      String id = (developer.isEmpty() ? "gone" : developer) + "/" + stem(random) + "-old";
      RetiredModel retired = new RetiredModel(id, null, developer, 0);
      assertThat(SimilarModels.forRetired(retired, catalog, 6))
          .as(id)
          .isEqualTo(scan(id, ModelTraits.of(retired), catalog, 6));
    }
  }

  @Test
  void aTargetWhoseDeveloperFamilyOrLineNoModelHasRanksAsTheFullScan() {
    Catalog catalog = generated(new Random(11), 1000);
    String[] ids = {
      "nobody/zzz-model", "openai/zzz-model", "nobody/gpt-zzz", "nobody/claude-unheard", "x/q"
    };

    for (String id : ids) {
      for (String price : new String[] {null, "0", "0.000002"}) {
        Model target = model(id, id.substring(0, id.indexOf('/')), price, 8192);
        assertThat(SimilarModels.of(target, catalog, 6))
            .as("%s at %s", id, price)
            .isEqualTo(scan(id, ModelTraits.of(target), catalog, 6));
      }
    }
  }

  @Test
  void aNewSnapshotGetsItsOwnIndex() {
    Catalog first = generated(new Random(1), 50);
    Catalog second = generated(new Random(2), 50);

    assertThat(SimilarModels.indexOf(first).catalog()).isSameAs(first);
    assertThat(SimilarModels.indexOf(first)).isSameAs(SimilarModels.indexOf(first));
    assertThat(SimilarModels.indexOf(second).catalog()).isSameAs(second);
  }

  @Test
  void aChangedSnapshotRanksAsTheFullScanOfItsOwnModels() {
    Catalog first = generated(new Random(9), 400);
    SimilarModels.indexOf(first);
    List<Model> changed = new ArrayList<>(first.models());
    Model moved = changed.remove(5);
    changed.add(0, model(moved.id(), "qwen", "0.000002", 8192));
    changed.set(20, model(changed.get(20).id(), "x", "0.000004", 16_384));
    Catalog second = Catalog.of(changed);
    second.models().forEach(model -> TRAITS.put(model, ModelTraits.of(model)));

    for (Model model : second.models()) {
      assertThat(SimilarModels.of(model, second, 6))
          .as(model.id())
          .isEqualTo(scan(model.id(), ModelTraits.of(model), second, 6));
    }
  }

  @Test
  void priceNearnessIsTheRoundedRatiosAlsoAHairAboveTwiceAndFourTimes() {
    String[] prices = {
      "0.000001", "0.000002", "0.0000020000000000000001", "0.000002000000001", "0.000003",
      "0.000004", "0.0000040000000000000001", "0.000004000000001", "0.0000041",
          "0.00000400000000001"
    };
    for (String a : prices) {
      for (String b : prices) {
        ModelTraits x = new ModelTraits("", "", "", new BigDecimal(a), 0);
        ModelTraits y = new ModelTraits("", "", "", new BigDecimal(b), 0);
        assertThat(SimilarModels.score(x, y)).as("%s %s", a, b).isEqualTo(roundedRatioScore(a, b));
      }
    }
  }

  @Test
  void theDoubleShortcutScoresEveryRatioAsTheExactComparison() {
    Random random = new Random(18);
    String[] factors = {"2", "2.000000000002", "4", "4.000000000004", "1.5", "3", "5"};
    for (int i = 0; i < 20_000; i++) {
      BigDecimal a = BigDecimal.valueOf(1 + random.nextInt(1_000_000), 6 + random.nextInt(10));
      BigDecimal factor = new BigDecimal(factors[random.nextInt(factors.length)]);
      // Around each threshold: a hair below, on it, a hair above (down to 1e-22 relative).
      BigDecimal nudge = BigDecimal.valueOf(random.nextInt(3) - 1, 10 + random.nextInt(13));
      BigDecimal b =
          random.nextBoolean()
              ? a.multiply(factor.add(nudge))
              : BigDecimal.valueOf(1 + random.nextInt(1_000_000), 6 + random.nextInt(10));
      ModelTraits x = new ModelTraits("", "", "", a, 0);
      ModelTraits y = new ModelTraits("", "", "", b, 0);
      assertThat(SimilarModels.score(x, y))
          .as("%s %s", a, b)
          .isEqualTo(roundedRatioScore(a.toPlainString(), b.toPlainString()));
    }
  }

  @Test
  void theLongProductsScoreEveryRatioAsTheBigDecimalProducts() {
    Random random = new Random(19);
    String[] factors = {"2", "2.000000000002", "4", "4.000000000004", "1", "3"};
    long scale = 1_000_000_000_000_000_000L;
    for (int i = 0; i < 20_000; i++) {
      // Up to 9.2 per token (the largest a long holds at 18 decimals), down to 10^-18.
      long a = 1 + (random.nextLong() >>> (1 + random.nextInt(62)));
      BigDecimal factor = new BigDecimal(factors[random.nextInt(factors.length)]);
      BigDecimal nudge = BigDecimal.valueOf(random.nextInt(3) - 1, 1 + random.nextInt(18));
      BigDecimal product = BigDecimal.valueOf(a).multiply(factor.add(nudge));
      long b =
          product.compareTo(BigDecimal.ONE) >= 0
                  && product.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0
              ? product.longValue()
              : 1 + random.nextInt(1_000);
      int exact =
          roundedRatioScore(
              BigDecimal.valueOf(a, 18).toPlainString(), BigDecimal.valueOf(b, 18).toPlainString());
      int scaled = SimilarModels.scaledPriceScore(a, b);
      if (scaled >= 0) {
        assertThat(scaled).as("%d %d", a, b).isEqualTo(exact);
      }
      ModelTraits x = new ModelTraits("", "", "", BigDecimal.valueOf(a, 18), 0);
      ModelTraits y = new ModelTraits("", "", "", BigDecimal.valueOf(b, 18), 0);
      assertThat(x.scaledPrice()).isEqualTo(a);
      assertThat(SimilarModels.score(x, y)).as("%d %d", a, b).isEqualTo(exact);
    }
    assertThat(SimilarModels.scaledPriceScore(1, 2)).isEqualTo(2);
    assertThat(SimilarModels.scaledPriceScore(Long.MAX_VALUE / 2, Long.MAX_VALUE - 1)).isEqualTo(2);
    assertThat(SimilarModels.scaledPriceScore(1_000_000_000_000L, 2_000_000_000_002L))
        .isEqualTo(-1);
    assertThat(SimilarModels.scaledPriceScore(-1, 5)).isEqualTo(-1);
  }

  @Test
  void aRatioNearAThresholdIsLeftToTheExactComparison() {
    assertThat(SimilarModels.quickPriceScore(1e-6, 2e-6)).isEqualTo(-1);
    assertThat(SimilarModels.quickPriceScore(1e-6, 4.000000000004e-6)).isEqualTo(-1);
    assertThat(SimilarModels.quickPriceScore(1e-6, 1.9e-6)).isEqualTo(2);
    assertThat(SimilarModels.quickPriceScore(1e-6, 3e-6)).isEqualTo(1);
    assertThat(SimilarModels.quickPriceScore(1e-6, 5e-6)).isZero();
    assertThat(SimilarModels.quickPriceScore(1e-320, 1e-320)).isEqualTo(-1);
  }

  // The former price score: the ratio rounded to 16 digits, compared with 2 and 4.
  private static int roundedRatioScore(String a, String b) {
    BigDecimal x = new BigDecimal(a);
    BigDecimal y = new BigDecimal(b);
    BigDecimal ratio = x.max(y).divide(x.min(y), MathContext.DECIMAL64);
    if (ratio.compareTo(BigDecimal.valueOf(2)) <= 0) {
      return 2;
    }
    return ratio.compareTo(BigDecimal.valueOf(4)) <= 0 ? 1 : 0;
  }

  private static Catalog generated(Random random, int count) {
    List<Model> models = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      // Skewed towards the first developers, as real catalogs are.
      String developer = DEVELOPERS[Math.min(random.nextInt(3) * random.nextInt(3), 5)];
      String id = (developer.isEmpty() ? "misc" : developer) + "/" + stem(random) + "-" + i;
      String price = PRICES[random.nextInt(PRICES.length)];
      models.add(model(id, developer, price, CONTEXTS[random.nextInt(CONTEXTS.length)]));
    }
    Catalog catalog = Catalog.of(models);
    catalog.models().forEach(model -> TRAITS.put(model, ModelTraits.of(model)));
    return catalog;
  }

  private static String stem(Random random) {
    String stem = STEMS[random.nextInt(STEMS.length)];
    return random.nextBoolean() ? stem : stem + random.nextInt(4);
  }

  private static final Map<Model, ModelTraits> TRAITS = new IdentityHashMap<>();

  // The former ranking: every model scored, sorted by score then catalog position.
  private static List<Model> scan(String id, ModelTraits target, Catalog catalog, int limit) {
    record Scored(Model model, int score, int position) {}
    List<Scored> scored = new ArrayList<>();
    List<Model> models = catalog.models();
    for (int i = 0; i < models.size(); i++) {
      Model candidate = models.get(i);
      int score =
          candidate.id().equals(id) ? 0 : SimilarModels.score(target, TRAITS.get(candidate));
      if (score >= SimilarModels.MIN_SCORE) {
        scored.add(new Scored(candidate, score, i));
      }
    }
    scored.sort(
        Comparator.comparingInt(Scored::score).reversed().thenComparingInt(Scored::position));
    return scored.stream().limit(limit).map(Scored::model).toList();
  }
}
