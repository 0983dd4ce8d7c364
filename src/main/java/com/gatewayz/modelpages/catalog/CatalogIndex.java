package com.gatewayz.modelpages.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The search and filter indexes of one catalog snapshot, built once with it ({@link
 * Catalog#index()}), so a search or a filtered list reads postings instead of scanning every model:
 * the models of each developer and each gateway, the cheapest-first order, and for free text the
 * models holding each three-character piece of their id, name or developer. Answers are exactly
 * what a scan with {@link TextQuery#matches} and the same filters gives, in popularity order or
 * cheapest first (ties in popularity order). Immutable, thread-safe.
 */
public final class CatalogIndex {

  private static final int[] NONE = new int[0];
  private static final int FEW_CANDIDATES = 64;

  private final List<Model> models;
  private final String[] haystacks;
  private final Map<String, int[]> byDeveloper;
  private final Map<String, int[]> byGateway;
  private final Map<Long, int[]> byTrigram;
  private final int[] priceRank;
  private volatile int[] priceOrder;
  private volatile TopDevelopers topDevelopers;

  CatalogIndex(List<Model> models) {
    this.models = models;
    this.haystacks = new String[models.size()];
    Map<String, IntList> developers = new HashMap<>();
    Map<String, IntList> gateways = new HashMap<>();
    Map<Long, IntList> trigrams = new HashMap<>();
    for (int i = 0; i < haystacks.length; i++) {
      Model model = models.get(i);
      haystacks[i] = TextQuery.haystack(model);
      developers.computeIfAbsent(model.developer(), d -> new IntList()).add(i);
      for (String gateway : model.sourceGateways()) {
        gateways.computeIfAbsent(gateway, g -> new IntList()).add(i);
      }
      String text = haystacks[i];
      for (int at = 0; at + 3 <= text.length(); at++) {
        trigrams.computeIfAbsent(trigram(text, at), t -> new IntList()).addOnce(i);
      }
    }
    this.byDeveloper = frozen(developers);
    this.byGateway = frozen(gateways);
    this.byTrigram = frozen(trigrams);
    this.priceRank = priceRanks(models);
  }

  /**
   * The models of {@code developer} and {@code gateway} (null: any) that match {@code text} (null:
   * any), in popularity order, or cheapest first when {@code cheapestFirst}.
   */
  public List<Model> select(
      String developer, String gateway, TextQuery text, boolean cheapestFirst) {
    int[] found = positions(developer, gateway, text);
    if (cheapestFirst) {
      found = byPrice(found);
    }
    return modelsAt(found, 0, found.length);
  }

  /**
   * One page of {@link #select}: at most {@code limit} models from {@code offset}, and the total.
   */
  public record Selection(List<Model> models, int total) {}

  /**
   * The models {@link #select} answers from {@code offset}, at most {@code limit}, and how many it
   * answers in all, without listing (or, cheapest first, sorting) more than the page.
   */
  public Selection page(
      String developer,
      String gateway,
      TextQuery text,
      boolean cheapestFirst,
      int offset,
      int limit) {
    int[] found = positions(developer, gateway, text);
    int from = Math.min(offset, found.length);
    int to = (int) Math.min(found.length, (long) from + Math.max(0, limit));
    if (!cheapestFirst) {
      return new Selection(modelsAt(found, from, to), found.length);
    }
    int[] cheapest = CheapestFirst.firstOf(found, to, priceRank, priceOrder());
    return new Selection(modelsAt(cheapest, from, to), found.length);
  }

  private int[] positions(String developer, String gateway, TextQuery text) {
    int[] found = null;
    if (developer != null) {
      found = byDeveloper.getOrDefault(developer, NONE);
    }
    if (gateway != null) {
      found = intersect(found, byGateway.getOrDefault(gateway, NONE));
    }
    if (text != null) {
      found = matching(found, text);
    }
    return found == null ? everything() : found;
  }

  private List<Model> modelsAt(int[] positions, int from, int to) {
    List<Model> selected = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      selected.add(models.get(positions[i]));
    }
    return selected;
  }

  // Every position, cheapest first: built at the first cheapest-first page.
  private int[] priceOrder() {
    int[] order = priceOrder;
    if (order == null) {
      order = new int[priceRank.length];
      for (int position = 0; position < priceRank.length; position++) {
        order[priceRank[position]] = position;
      }
      priceOrder = order;
    }
    return order;
  }

  /** Up to {@code limit} developers with the most models, most first (ties by slug). */
  public List<String> topDevelopers(int limit) {
    TopDevelopers top = topDevelopers;
    if (top == null || top.limit() != limit) {
      top = new TopDevelopers(limit, rankDevelopers(limit));
      // Every index page asks the same limit: kept for the snapshot's life.
      topDevelopers = top;
    }
    return top.developers();
  }

  private record TopDevelopers(int limit, List<String> developers) {}

  private List<String> rankDevelopers(int limit) {
    return byDeveloper.entrySet().stream()
        .filter(entry -> !entry.getKey().isEmpty())
        .sorted(
            Comparator.comparingInt((Map.Entry<String, int[]> e) -> -e.getValue().length)
                .thenComparing(Map.Entry::getKey))
        .limit(limit)
        .map(Map.Entry::getKey)
        .toList();
  }

  // Candidates from the postings of each word's pieces, then each candidate checked as the scan
  // would: a word shorter than three characters has no piece and is only checked.
  private int[] matching(int[] within, TextQuery text) {
    int[] candidates = within;
    for (int[] postings : trigramPostings(text)) {
      // A few candidates are checked sooner than more postings are intersected.
      if (candidates != null && candidates.length <= FEW_CANDIDATES) {
        break;
      }
      candidates = intersect(candidates, postings);
    }
    if (candidates == null) {
      return scanned(text);
    }
    IntList matches = new IntList();
    for (int position : candidates) {
      if (text.matchesHaystack(haystacks[position])) {
        matches.add(position);
      }
    }
    return matches.toArray();
  }

  // No filter and no word of three characters: every haystack is checked, without first listing
  // every position (400 KB at 100,000 models, per request).
  private int[] scanned(TextQuery text) {
    IntList matches = new IntList();
    for (int position = 0; position < haystacks.length; position++) {
      if (text.matchesHaystack(haystacks[position])) {
        matches.add(position);
      }
    }
    return matches.toArray();
  }

  // The postings of every piece of every word, shortest first: the intersection shrinks fastest.
  private List<int[]> trigramPostings(TextQuery text) {
    List<int[]> postings = new ArrayList<>();
    for (String word : text.words()) {
      for (int at = 0; at + 3 <= word.length(); at++) {
        postings.add(byTrigram.getOrDefault(trigram(word, at), NONE));
      }
    }
    postings.sort(Comparator.comparingInt(list -> list.length));
    return postings;
  }

  private int[] everything() {
    int[] all = new int[models.size()];
    Arrays.setAll(all, i -> i);
    return all;
  }

  private int[] byPrice(int[] positions) {
    return CheapestFirst.firstOf(positions, positions.length, priceRank, priceOrder());
  }

  private static int[] priceRanks(List<Model> models) {
    Integer[] order = new Integer[models.size()];
    Arrays.setAll(order, i -> i);
    // Stable: equal prices keep popularity order, as a sorted scan does.
    Arrays.sort(
        order,
        (a, b) -> Pricing.CHEAPEST_FIRST.compare(models.get(a).pricing(), models.get(b).pricing()));
    int[] rank = new int[order.length];
    for (int i = 0; i < order.length; i++) {
      rank[order[i]] = i;
    }
    return rank;
  }

  // Both ascending; null is "everything".
  private static int[] intersect(int[] a, int[] b) {
    if (a == null) {
      return b;
    }
    IntList both = new IntList();
    int i = 0;
    int j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] < b[j]) {
        i++;
      } else if (a[i] > b[j]) {
        j++;
      } else {
        both.add(a[i]);
        i++;
        j++;
      }
    }
    return both.toArray();
  }

  // Three chars packed, then multiplied by an odd constant (one-to-one, so keys stay distinct):
  // Long.hashCode of the packed value alone folds ASCII trigrams into ~128 hash buckets, and the
  // map degraded to tree bins (the index build 2-3x slower at 100,000 models).
  private static long trigram(String text, int at) {
    long packed =
        (long) text.charAt(at) << 32 | (long) text.charAt(at + 1) << 16 | text.charAt(at + 2);
    return packed * 0x9E3779B97F4A7C15L;
  }

  private static <K> Map<K, int[]> frozen(Map<K, IntList> lists) {
    Map<K, int[]> frozen = new HashMap<>(lists.size() * 2);
    lists.forEach((key, list) -> frozen.put(key, list.toArray()));
    return frozen;
  }

  /** A growable list of ascending ints. */
  private static final class IntList {
    private int[] values = new int[4];
    private int size;

    void add(int value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    void addOnce(int value) {
      if (size == 0 || values[size - 1] != value) {
        add(value);
      }
    }

    int[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }
}
