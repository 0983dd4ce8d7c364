package com.gatewayz.modelpages.pages.view;

import com.gatewayz.modelpages.catalog.Catalog;
import com.gatewayz.modelpages.catalog.Model;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The traits of every model of one catalog snapshot and postings (ascending catalog positions) by
 * developer, family, line and by price and context band, built once per snapshot so {@link
 * SimilarModels} reads a few short runs of candidates instead of scoring the whole catalog.
 *
 * <p>A candidate's score is a base from what it shares with the target (developer 3, family 4, line
 * 2) plus at most 3 for nearby price and context. Candidates are read one "tier" (the exact set of
 * shared attributes) at a time, each tier from one posting list in catalog order, and a tier stops
 * as soon as nothing further in it can displace the current top results: the answer is exactly the
 * full scan's (score first, ties in catalog order). Immutable, thread-safe.
 */
final class SimilarityIndex {

  private static final int[] NONE = new int[0];
  private static final int ZERO_PRICE_BAND = Integer.MIN_VALUE;
  // A double's exponent may differ by one from the exact price's at a power of two: look wider.
  private static final int PRICE_BAND_REACH = 2;

  private final Catalog catalog;
  private final List<Model> models;
  private final ModelTraits[] traits;
  private final Map<String, int[]> byDeveloper;
  private final Map<String, int[]> byFamily;
  private final Map<String, int[]> byLine;
  private final Map<Long, int[]> byBand;

  /** The index of {@code catalog}, reusing the traits of models {@code previous} held unchanged. */
  SimilarityIndex(Catalog catalog, SimilarityIndex previous) {
    this.catalog = catalog;
    this.models = catalog.models();
    this.traits = new ModelTraits[models.size()];
    Map<String, Postings> developers = new HashMap<>();
    Map<String, Postings> families = new HashMap<>();
    Map<String, Postings> lines = new HashMap<>();
    Map<Long, Postings> bands = new HashMap<>();
    for (int i = 0; i < traits.length; i++) {
      ModelTraits t = traitsAt(i, previous);
      traits[i] = t;
      post(developers, t.developer(), i);
      post(families, t.family(), i);
      post(lines, t.line(), i);
      if (t.price() != null && t.context() > 0) {
        bands
            .computeIfAbsent(
                band(priceBand(t.price()), contextBand(t.context())), b -> new Postings())
            .add(i);
      }
    }
    this.byDeveloper = frozen(developers);
    this.byFamily = frozen(families);
    this.byLine = frozen(lines);
    this.byBand = frozen(bands);
  }

  // A change of a few models keeps the other Model objects (and mostly their positions).
  private ModelTraits traitsAt(int position, SimilarityIndex previous) {
    Model model = models.get(position);
    if (previous != null
        && position < previous.models.size()
        && previous.models.get(position) == model) {
      return previous.traits[position];
    }
    return ModelTraits.of(model);
  }

  Catalog catalog() {
    return catalog;
  }

  /** At most {@code limit} models like {@code target} (id {@code id} excluded), best first. */
  List<Model> rank(String id, ModelTraits target, int limit) {
    TopScores top = new TopScores(limit);
    int extra = (target.price() == null ? 0 : 2) + (target.context() > 0 ? 1 : 0);
    for (Tier tier : Tier.BY_BASE) {
      if (tier.base + extra >= SimilarModels.MIN_SCORE && tier.appliesTo(target)) {
        for (int[] run : runs(tier, target)) {
          scan(run, tier, tier.base + extra, id, target, top);
        }
      }
    }
    List<Model> ranked = new ArrayList<>(top.size());
    for (int position : top.positions()) {
      ranked.add(models.get(position));
    }
    return ranked;
  }

  private void scan(int[] run, Tier tier, int best, String id, ModelTraits target, TopScores top) {
    for (int position : run) {
      if (top.settledBefore(best, position)) {
        return;
      }
      ModelTraits candidate = traits[position];
      if (tier.holds(target, candidate) && !models.get(position).id().equals(id)) {
        int score = SimilarModels.score(target, candidate);
        if (score >= SimilarModels.MIN_SCORE) {
          top.offer(score, position);
        }
      }
    }
  }

  // The posting lists holding every candidate of the tier: the shortest of the attributes it
  // shares, or, for a tier sharing none, the bands of nearby price and context. Any of them holds
  // the tier; the shortest is read fastest. At 100,000 generated models a family of thousands
  // read for a developer's few models of it was 95% of the candidates a render read.
  private List<int[]> runs(Tier tier, ModelTraits target) {
    int[] shortest = null;
    if (tier.line) {
      shortest = shorter(shortest, byLine.getOrDefault(target.line(), NONE));
    }
    if (tier.family) {
      shortest = shorter(shortest, byFamily.getOrDefault(target.family(), NONE));
    }
    if (tier.developer) {
      shortest = shorter(shortest, byDeveloper.getOrDefault(target.developer(), NONE));
    }
    return shortest == null ? nearbyBands(target) : List.of(shortest);
  }

  private static int[] shorter(int[] a, int[] b) {
    return a == null || b.length < a.length ? b : a;
  }

  private List<int[]> nearbyBands(ModelTraits target) {
    int price = priceBand(target.price());
    int context = contextBand(target.context());
    List<int[]> runs = new ArrayList<>();
    int reach = price == ZERO_PRICE_BAND ? 0 : PRICE_BAND_REACH;
    for (int p = price - reach; p <= price + reach; p++) {
      for (int c = context - 1; c <= context + 1; c++) {
        runs.add(byBand.getOrDefault(band(p, c), NONE));
      }
    }
    return runs;
  }

  private static int priceBand(BigDecimal price) {
    return price.signum() == 0 ? ZERO_PRICE_BAND : Math.getExponent(price.doubleValue());
  }

  private static int contextBand(long context) {
    return 63 - Long.numberOfLeadingZeros(context);
  }

  private static long band(int price, int context) {
    return (long) price << 32 | (context & 0xffffffffL);
  }

  private static <K> void post(Map<K, Postings> postings, K key, int position) {
    if (!"".equals(key)) {
      postings.computeIfAbsent(key, k -> new Postings()).add(position);
    }
  }

  private static <K> Map<K, int[]> frozen(Map<K, Postings> postings) {
    Map<K, int[]> frozen = new HashMap<>(postings.size() * 2);
    postings.forEach((key, list) -> frozen.put(key, list.toArray()));
    return frozen;
  }

  /** Which of developer, family and line a candidate shares with the target, exactly. */
  private enum Tier {
    ALL(true, true, true),
    DEVELOPER_FAMILY(true, true, false),
    FAMILY_LINE(false, true, true),
    DEVELOPER_LINE(true, false, true),
    FAMILY(false, true, false),
    DEVELOPER(true, false, false),
    LINE(false, false, true),
    NOTHING(false, false, false);

    // Highest base first, so the top fills early and later tiers stop at once.
    static final List<Tier> BY_BASE =
        Arrays.stream(values()).sorted((a, b) -> Integer.compare(b.base, a.base)).toList();

    final boolean developer;
    final boolean family;
    final boolean line;
    final int base;

    Tier(boolean developer, boolean family, boolean line) {
      this.developer = developer;
      this.family = family;
      this.line = line;
      this.base = (developer ? 3 : 0) + (family ? 4 : 0) + (line ? 2 : 0);
    }

    boolean appliesTo(ModelTraits target) {
      return (!developer || !target.developer().isEmpty())
          && (!family || !target.family().isEmpty())
          && (!line || !target.line().isEmpty());
    }

    boolean holds(ModelTraits target, ModelTraits candidate) {
      return developer == shares(target.developer(), candidate.developer())
          && family == shares(target.family(), candidate.family())
          && line == shares(target.line(), candidate.line());
    }

    private static boolean shares(String a, String b) {
      return !a.isEmpty() && a.equals(b);
    }
  }

  /** A growable list of ascending ints. */
  private static final class Postings {
    private int[] values = new int[2];
    private int size;

    void add(int value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    int[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }
}
