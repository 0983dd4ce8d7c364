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
 *
 * <p>A scan reads columns, not the {@link ModelTraits} objects: at 100,000 models the candidates of
 * a render sit all over the heap, and following each one's traits, strings and price was a cache
 * miss apiece (a ranking read 200 to 350 candidates in 27 to 37 µs; 12 to 19 µs from columns). Each
 * attribute is a number per position (its posting list's); price and context are {@link
 * NearnessColumns}.
 */
final class SimilarityIndex {

  private static final int[] NONE = new int[0];
  private static final int ZERO_PRICE_BAND = Integer.MIN_VALUE;
  // A double's exponent may differ by one from the exact price's at a power of two: look wider.
  private static final int PRICE_BAND_REACH = 2;
  private static final int ATTRIBUTES = 3;

  private final Catalog catalog;
  private final List<Model> models;
  // Per position: the developer's, family's and line's posting numbers (0 for none), one after
  // the other so a candidate is one read.
  private final int[] attributes;
  private final NearnessColumns nearness;
  private final Map<String, Posted> byDeveloper;
  private final Map<String, Posted> byFamily;
  private final Map<String, Posted> byLine;
  private final Map<Long, int[]> byBand;

  /** The index of {@code catalog}, reusing the traits of models {@code previous} held unchanged. */
  SimilarityIndex(Catalog catalog, SimilarityIndex previous) {
    this.catalog = catalog;
    this.models = catalog.models();
    int size = models.size();
    this.attributes = new int[size * ATTRIBUTES];
    this.nearness = new NearnessColumns(size);
    Map<String, Postings> developers = new HashMap<>();
    Map<String, Postings> families = new HashMap<>();
    Map<String, Postings> lines = new HashMap<>();
    Map<Long, Postings> bands = new HashMap<>();
    for (int i = 0; i < size; i++) {
      ModelTraits t = traitsAt(i, previous);
      nearness.set(i, t);
      attributes[i * ATTRIBUTES] = post(developers, t.developer(), i);
      attributes[i * ATTRIBUTES + 1] = post(families, t.family(), i);
      attributes[i * ATTRIBUTES + 2] = post(lines, t.line(), i);
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
    this.byBand = new HashMap<>(bands.size() * 2);
    bands.forEach((key, list) -> byBand.put(key, list.toArray()));
  }

  // A change of a few models keeps the other Model objects (and mostly their positions).
  private ModelTraits traitsAt(int position, SimilarityIndex previous) {
    Model model = models.get(position);
    if (previous != null
        && position < previous.models.size()
        && previous.models.get(position) == model) {
      return previous.nearness.traits(position);
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
    Target codes = new Target(target, id);
    for (Tier tier : Tier.BY_BASE) {
      if (tier.base + extra >= SimilarModels.MIN_SCORE && tier.appliesTo(target)) {
        for (int[] run : runs(tier, target)) {
          scan(run, tier, tier.base + extra, codes, top);
        }
      }
    }
    List<Model> ranked = new ArrayList<>(top.size());
    for (int position : top.positions()) {
      ranked.add(models.get(position));
    }
    return ranked;
  }

  private void scan(int[] run, Tier tier, int best, Target target, TopScores top) {
    for (int position : run) {
      if (top.settledBefore(best, position)) {
        return;
      }
      int at = position * ATTRIBUTES;
      if (tier.holds(target, attributes[at], attributes[at + 1], attributes[at + 2])) {
        // The attributes the tier shares score its base (SimilarModels.score), then price and
        // context; the model itself is looked at only when it would enter.
        int score = tier.base + nearness.score(target.traits, position);
        if (score >= SimilarModels.MIN_SCORE && !models.get(position).id().equals(target.id)) {
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
      shortest = shorter(shortest, positions(byLine, target.line()));
    }
    if (tier.family) {
      shortest = shorter(shortest, positions(byFamily, target.family()));
    }
    if (tier.developer) {
      shortest = shorter(shortest, positions(byDeveloper, target.developer()));
    }
    return shortest == null ? nearbyBands(target) : List.of(shortest);
  }

  private static int[] positions(Map<String, Posted> postings, String key) {
    Posted posted = postings.get(key);
    return posted == null ? NONE : posted.positions();
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

  // The posting list's number (from 1), or 0 for an empty value, which is never shared.
  private static int post(Map<String, Postings> postings, String key, int position) {
    if (key.isEmpty()) {
      return 0;
    }
    Postings list = postings.computeIfAbsent(key, k -> new Postings(postings.size() + 1));
    list.add(position);
    return list.number;
  }

  private static Map<String, Posted> frozen(Map<String, Postings> postings) {
    Map<String, Posted> frozen = new HashMap<>(postings.size() * 2);
    postings.forEach((key, list) -> frozen.put(key, new Posted(list.number, list.toArray())));
    return frozen;
  }

  /** One value's posting list and its number in the attribute columns. */
  private record Posted(int number, int[] positions) {}

  /**
   * The target's attribute numbers in this index: 0 for an empty value, -1 for a value no model
   * here has; neither equals a candidate's number that counts as shared.
   */
  private final class Target {
    final ModelTraits traits;
    final String id;
    final int developer;
    final int family;
    final int line;

    Target(ModelTraits traits, String id) {
      this.traits = traits;
      this.id = id;
      this.developer = numberOf(byDeveloper, traits.developer());
      this.family = numberOf(byFamily, traits.family());
      this.line = numberOf(byLine, traits.line());
    }

    private static int numberOf(Map<String, Posted> postings, String value) {
      if (value.isEmpty()) {
        return 0;
      }
      Posted posted = postings.get(value);
      return posted == null ? -1 : posted.number();
    }
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

    boolean holds(Target target, int candidateDeveloper, int candidateFamily, int candidateLine) {
      return developer == shares(target.developer, candidateDeveloper)
          && family == shares(target.family, candidateFamily)
          && line == shares(target.line, candidateLine);
    }

    private static boolean shares(int target, int candidate) {
      return target > 0 && target == candidate;
    }
  }

  /** A growable list of ascending ints. */
  private static final class Postings {
    final int number;
    private int[] values = new int[2];
    private int size;

    // A price and context band's list: only attribute lists are numbered.
    Postings() {
      this(0);
    }

    Postings(int number) {
      this.number = number;
    }

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
