package com.gatewayz.modelpages.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Scores the merge of the evaluation's listings against the labelled pairs: recall on the pairs
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
      EvaluationInput input,
      Function<String, String> modelOf,
      List<Pair> hf,
      List<Pair> nearMisses,
      List<Pair> aliases) {
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

  private static List<Pair> failing(
      List<Pair> pairs, Function<String, String> modelOf, boolean together) {
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
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(tsv, StandardCharsets.UTF_8))) {
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

  /** The state the evaluation's listings make: one refresh per gateway. */
  static CatalogState state(EvaluationInput input) {
    Map<String, List<Listing>> byGateway = new LinkedHashMap<>();
    for (EvaluationInput.Sold sold : input.listings()) {
      byGateway.computeIfAbsent(sold.gateway(), g -> new ArrayList<>()).add(sold.listing());
    }
    CatalogState state = CatalogState.empty();
    for (Map.Entry<String, List<Listing>> gateway : byGateway.entrySet()) {
      state = CatalogUpdates.refresh(state, gateway.getKey(), gateway.getValue(), 1).state();
    }
    return state;
  }

  /** The merge as the application runs it, gateways in the bundled registry's order. */
  static CatalogMerger merger(AliasTable aliases) {
    return new CatalogMerger(
        Map.of("openrouter", 10, "groq", 20, "models-dev", 240), List.of(), aliases);
  }

  /** The model each listing ({@code seller|listing id}) landed in, by the merge. */
  static Function<String, String> merged(CatalogState state, CatalogMerger merger) {
    Map<String, String> modelOf = new HashMap<>();
    for (Model model : merger.merge(state)) {
      for (Offer offer : model.offers()) {
        modelOf.put(offer.gateway() + "|" + offer.listingId(), model.id());
      }
    }
    return modelOf::get;
  }
}
