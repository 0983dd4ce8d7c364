package com.gatewayz.modelpages.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Scores a grouping of the evaluation's listings against the labelled pairs: recall on the pairs
 * joined by Hugging Face id (hf-pairs.tsv), precision on the hand-checked near-misses
 * (near-misses.tsv, pairs that must stay apart), and whether two OpenRouter models were merged.
 */
final class IdentityEvaluation {

  /** Two listings ({@code seller|catalog id}) and what the label says of them. */
  record Pair(String category, String a, String b, String note) {}

  /** The figures of one evaluation; the lists name the pairs that failed. */
  record Result(
      int listings,
      int models,
      int hfPairs,
      List<Pair> hfMissed,
      int nearMisses,
      List<Pair> falseMerges,
      int openRouterListings,
      int openRouterModels,
      int aliasPairs,
      List<Pair> aliasMissed) {

    double hfRecall() {
      return hfPairs == 0 ? 1 : (hfPairs - hfMissed.size()) / (double) hfPairs;
    }

    double nearMissPrecision() {
      return nearMisses == 0 ? 1 : (nearMisses - falseMerges.size()) / (double) nearMisses;
    }

    double aliasRecall() {
      return aliasPairs == 0 ? 1 : (aliasPairs - aliasMissed.size()) / (double) aliasPairs;
    }
  }

  private IdentityEvaluation() {}

  /**
   * @param modelOf the model (any stable name) a listing ({@code seller|id}) landed in; null when
   *     the listing is unknown
   */
  static Result score(
      EvaluationInput input, Function<String, String> modelOf, List<Pair> hf, List<Pair> nearMisses, List<Pair> aliases) {
    Set<String> models = new HashSet<>();
    Set<String> openRouterModels = new HashSet<>();
    int openRouter = 0;
    for (EvaluationInput.Sold sold : input.listings()) {
      String model = modelOf.apply(sold.ref());
      models.add(model);
      if (sold.gateway().equals("openrouter")) {
        openRouter++;
        openRouterModels.add(model);
      }
    }
    return new Result(
        input.listings().size(),
        models.size(),
        hf.size(),
        failing(hf, modelOf, true),
        nearMisses.size(),
        failing(nearMisses, modelOf, false),
        openRouter,
        openRouterModels.size(),
        aliases.size(),
        failing(aliases, modelOf, true));
  }

  private static List<Pair> failing(List<Pair> pairs, Function<String, String> modelOf, boolean together) {
    List<Pair> failed = new ArrayList<>();
    for (Pair pair : pairs) {
      String a = modelOf.apply(pair.a());
      String b = modelOf.apply(pair.b());
      boolean same = a != null && a.equals(b);
      if (a == null || b == null || same != together) {
        failed.add(pair);
      }
    }
    return failed;
  }

  /** The Hugging Face pairs: {@code openrouter id, provider, catalog id} per line. */
  static List<Pair> hfPairs(InputStream tsv) throws IOException {
    List<Pair> pairs = new ArrayList<>();
    for (String[] row : rows(tsv, 3)) {
      pairs.add(new Pair("huggingface", "openrouter|" + row[0], row[1] + "|" + row[2], ""));
    }
    return pairs;
  }

  /** Labelled pairs: {@code category, seller|id, seller|id, why} per line. */
  static List<Pair> pairs(InputStream tsv) throws IOException {
    List<Pair> pairs = new ArrayList<>();
    for (String[] row : rows(tsv, 4)) {
      pairs.add(new Pair(row[0], row[1], row[2], row[3]));
    }
    return pairs;
  }

  private static List<String[]> rows(InputStream tsv, int columns) throws IOException {
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(tsv, StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (!line.isBlank() && !line.startsWith("#")) {
          String[] row = line.split("\t");
          if (row.length != columns) {
            throw new IOException("expected " + columns + " tab-separated columns: " + line);
          }
          rows.add(row);
        }
      }
    }
    return rows;
  }

  /** Groups the listings with the resolver alone, in order, exact ids first per gateway (as the merge does). */
  static Function<String, String> resolve(EvaluationInput input, IdentityResolver resolver) {
    List<EvaluationInput.Sold> listings = input.listings();
    ModelIdentity[] identities = new ModelIdentity[listings.size()];
    List<Integer> order = new ArrayList<>(listings.size());
    for (int i = 0; i < identities.length; i++) {
      identities[i] = resolver.identify(listings.get(i).listing(), listings.get(i).seller());
      order.add(i);
    }
    order.sort(Comparator.comparing((Integer i) -> gatewayRank(listings.get(i).gateway())).thenComparing(i -> !identities[i].exact()));
    IdentityIndex<List<EvaluationInput.Sold>> index = new IdentityIndex<>(listings.size());
    Map<String, String> modelOf = new HashMap<>();
    for (int i : order) {
      EvaluationInput.Sold sold = listings.get(i);
      List<EvaluationInput.Sold> group =
          index
              .find(identities[i], g -> g.stream().noneMatch(s -> s.seller().equals(sold.seller())))
              .map(IdentityIndex.Match::group)
              .orElseGet(ArrayList::new);
      group.add(sold);
      index.add(identities[i], group);
      modelOf.put(sold.ref(), group.get(0).ref());
    }
    return modelOf::get;
  }

  private static int gatewayRank(String gateway) {
    return switch (gateway) {
      case "openrouter" -> 0;
      case "groq" -> 1;
      default -> 2;
    };
  }
}
