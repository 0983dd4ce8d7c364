package com.gatewayz.modelpages.pages.view;

import com.gatewayz.modelpages.catalog.Catalog;
import com.gatewayz.modelpages.catalog.Model;
import com.gatewayz.modelpages.catalog.RetiredModel;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * Models to show beside a model: same family (shared name stem) or developer first, then nearby
 * price and context. The model itself is never included. Deterministic: equal scores keep catalog
 * (popularity) order. Answered from a {@link SimilarityIndex} built once per catalog snapshot (at
 * the first render that asks it), so a render reads a few postings, not the whole catalog.
 */
public final class SimilarModels {

  // A candidate needs at least a developer or family match, or both price and context nearby.
  static final int MIN_SCORE = 3;
  private static final BigDecimal TWICE = BigDecimal.valueOf(2);
  private static final BigDecimal FOUR_TIMES = BigDecimal.valueOf(4);
  private static final BigDecimal TWICE_AND_A_HAIR = new BigDecimal("2.000000000002");
  private static final BigDecimal FOUR_TIMES_AND_A_HAIR = new BigDecimal("4.000000000004");
  private static final double MARGIN = 1e-12;
  // 2.000000000002 and 4.000000000004 as fractions over 10^12.
  private static final long HAIR_DENOMINATOR = 1_000_000_000_000L;
  private static final long TWO_AND_A_HAIR = 2_000_000_000_002L;
  private static final long FOUR_AND_A_HAIR = 4_000_000_000_004L;
  // Normal doubles (full 53-bit precision) far from overflow: prices outside go the exact way.
  private static final double MIN_EXACT_DOUBLE = 1e-300;
  private static final double MAX_EXACT_DOUBLE = 1e300;

  private SimilarModels() {}

  /** At most {@code limit} models like {@code model}, most similar first. */
  public static List<Model> of(Model model, Catalog catalog, int limit) {
    return rank(model.id(), ModelTraits.of(model), catalog, limit);
  }

  /** At most {@code limit} catalog models like a retired one (by developer and name stem). */
  public static List<Model> forRetired(RetiredModel retired, Catalog catalog, int limit) {
    return rank(retired.id(), ModelTraits.of(retired), catalog, limit);
  }

  // The index of the snapshot last asked: renders read the current snapshot, so one entry serves
  // them all until the catalog changes.
  private static volatile SimilarityIndex last;

  private static List<Model> rank(String id, ModelTraits target, Catalog catalog, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    return indexOf(catalog).rank(id, target, limit);
  }

  static SimilarityIndex indexOf(Catalog catalog) {
    SimilarityIndex index = last;
    if (index != null && index.catalog() == catalog) {
      return index;
    }
    synchronized (SimilarModels.class) {
      index = last;
      if (index == null || index.catalog() != catalog) {
        index = new SimilarityIndex(catalog, index);
        last = index;
      }
      return index;
    }
  }

  static int score(ModelTraits a, ModelTraits b) {
    int score = 0;
    if (!a.developer().isEmpty() && a.developer().equals(b.developer())) {
      score += 3;
    }
    if (!a.family().isEmpty() && a.family().equals(b.family())) {
      score += 4;
    }
    if (!a.line().isEmpty() && a.line().equals(b.line())) {
      score += 2;
    }
    return score + priceScore(a, b) + contextScore(a.context(), b.context());
  }

  private static int priceScore(ModelTraits a, ModelTraits b) {
    return priceScore(
        a.priceSign(),
        a.approximatePrice(),
        a.scaledPrice(),
        b.priceSign(),
        b.approximatePrice(),
        b.scaledPrice(),
        a,
        b);
  }

  /**
   * The price score from the traits' sign, double and scaled long ({@link NearnessColumns} keeps
   * them in columns); {@code a} and {@code b} are read only for a ratio the longs cannot decide.
   */
  static int priceScore(
      int signA,
      double approximateA,
      long scaledA,
      int signB,
      double approximateB,
      long scaledB,
      ModelTraits a,
      ModelTraits b) {
    if (signA == ModelTraits.NO_PRICE || signB == ModelTraits.NO_PRICE) {
      return 0;
    }
    if (signA == 0 || signB == 0) {
      return signA == signB ? 2 : 0;
    }
    int quick = quickPriceScore(approximateA, approximateB);
    if (quick >= 0) {
      return quick;
    }
    int exact = scaledPriceScore(scaledA, scaledB);
    return exact >= 0 ? exact : exactPriceScore(a.price(), b.price());
  }

  // The exact products of exactPriceScore on prices times 10^18 as longs, compared as 128-bit
  // integers: no allocation for the ratios near 2 and 4 that round prices often have. -1 when a
  // price does not fit or the ratio is a hair above 2 or 4 (the rounded division decides those).
  static int scaledPriceScore(long a, long b) {
    if (a <= 0 || b <= 0) {
      return -1;
    }
    long max = Math.max(a, b);
    long min = Math.min(a, b);
    if (atMost(max, 1, min, 2)) {
      return 2;
    }
    if (!atMost(max, HAIR_DENOMINATOR, min, FOUR_AND_A_HAIR)) {
      return 0;
    }
    if (!atMost(max, HAIR_DENOMINATOR, min, TWO_AND_A_HAIR) && atMost(max, 1, min, 4)) {
      return 1;
    }
    return -1;
  }

  // a·x ≤ b·y for non-negative longs, exactly: the high halves of the products, then the low.
  private static boolean atMost(long a, long x, long b, long y) {
    long high = Math.multiplyHigh(a, x);
    long otherHigh = Math.multiplyHigh(b, y);
    if (high != otherHigh) {
      return high < otherHigh;
    }
    return Long.compareUnsigned(a * x, b * y) <= 0;
  }

  // A render scores thousands of candidates: the ratio of the double prices (each within 2^-53 of
  // the exact price, the quotient too) decides every ratio clearly away from the thresholds; a
  // ratio within a relative 1e-12 of 2, 2.000000000002, 4 or 4.000000000004 (or a price a double
  // cannot hold with full precision) is -1, left to the exact BigDecimal comparison.
  static int quickPriceScore(double a, double b) {
    double min = Math.min(a, b);
    double max = Math.max(a, b);
    if (!(min >= MIN_EXACT_DOUBLE && max <= MAX_EXACT_DOUBLE)) {
      return -1;
    }
    double ratio = max / min;
    if (ratio <= 2 * (1 - MARGIN)) {
      return 2;
    }
    if (ratio > 4.000000000004 * (1 + MARGIN)) {
      return 0;
    }
    if (ratio > 2.000000000002 * (1 + MARGIN) && ratio <= 4 * (1 - MARGIN)) {
      return 1;
    }
    return -1;
  }

  private static int exactPriceScore(BigDecimal a, BigDecimal b) {
    BigDecimal max = a.max(b);
    BigDecimal min = a.min(b);
    // Exact products (cheaper than a division) decide every ratio but those within a hair above 2
    // or 4, which the rounded division decides as it always has.
    if (max.compareTo(min.multiply(TWICE)) <= 0) {
      return 2;
    }
    if (max.compareTo(min.multiply(FOUR_TIMES_AND_A_HAIR)) > 0) {
      return 0;
    }
    if (max.compareTo(min.multiply(TWICE_AND_A_HAIR)) > 0
        && max.compareTo(min.multiply(FOUR_TIMES)) <= 0) {
      return 1;
    }
    return roundedRatioScore(max, min);
  }

  private static int roundedRatioScore(BigDecimal max, BigDecimal min) {
    BigDecimal ratio = max.divide(min, MathContext.DECIMAL64);
    if (ratio.compareTo(TWICE) <= 0) {
      return 2;
    }
    return ratio.compareTo(FOUR_TIMES) <= 0 ? 1 : 0;
  }

  static int contextScore(long a, long b) {
    if (a <= 0 || b <= 0) {
      return 0;
    }
    return Math.max(a, b) <= 2 * Math.min(a, b) ? 1 : 0;
  }
}
