package com.gatewayz.modelpages.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Issue 14's figures for bench/run.sh: the evaluation on the full public snapshots (paths given as
 * arguments, never read by tests) and the merge's time on a generated 100,000-offer input. Prints
 * one JSON object. Usage: {@code IdentityBench <openrouter.json> <groq.json> <models-dev.json>
 * <labels dir> [offers]}.
 */
public final class IdentityBench {

  private static final int DEFAULT_OFFERS = 100_000;
  private static final int RUNS = 5;
  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();

  private IdentityBench() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 4) {
      throw new IllegalArgumentException(
          "usage: IdentityBench <openrouter.json> <groq.json> <models-dev.json> <labels dir> [offers]");
    }
    EvaluationInput input =
        EvaluationInput.parse(
            open(Path.of(args[0])), open(Path.of(args[1])), open(Path.of(args[2])));
    Path labels = Path.of(args[3]);
    AliasTable aliases = AliasTable.bundled();
    CatalogMerger merger = IdentityEvaluation.merger(aliases);
    IdentityEvaluation.Result result =
        IdentityEvaluation.score(
            input,
            IdentityEvaluation.merged(IdentityEvaluation.state(input), merger),
            IdentityEvaluation.hfPairs(open(labels.resolve("hf-pairs.tsv"))),
            IdentityEvaluation.pairs(open(labels.resolve("near-misses.tsv"))),
            IdentityEvaluation.pairs(open(labels.resolve("alias-pairs.tsv"))));
    int offers = args.length > 4 ? Integer.parseInt(args[4]) : DEFAULT_OFFERS;
    EvaluationInput large = scaled(input, offers);
    double[] full = timeFullMerge(IdentityEvaluation.state(large), merger);
    IdentityResolver resolver = new IdentityResolver(aliases);
    System.out.println(json(result, large.listings().size(), full, timeOneOffer(large, resolver)));
  }

  private static InputStream open(Path path) throws IOException {
    return Files.newInputStream(path);
  }

  /** The real listings, copied under new names until there are {@code offers} of them. */
  static EvaluationInput scaled(EvaluationInput input, int offers) {
    List<EvaluationInput.Sold> out = new ArrayList<>(offers);
    for (int copy = 0; out.size() < offers; copy++) {
      for (EvaluationInput.Sold sold : input.listings()) {
        if (out.size() == offers) {
          break;
        }
        out.add(
            copy == 0
                ? sold
                : new EvaluationInput.Sold(
                    sold.gateway(), sold.seller(), renamed(sold.listing(), copy)));
      }
    }
    return new EvaluationInput(List.copyOf(out));
  }

  private static Listing renamed(Listing l, int copy) {
    Function<String, String> rename = value -> value == null ? null : suffixed(value, "-c" + copy);
    return Listing.builder(rename.apply(l.id()))
        .gatewayModelId(rename.apply(l.gatewayModelId()))
        .canonicalSlug(rename.apply(l.canonicalSlug()))
        .name(l.name())
        .developer(l.developer())
        .contextLength(l.contextLength())
        .maxCompletionTokens(l.maxCompletionTokens())
        .pricing(l.pricing())
        .architecture(l.architecture())
        .supportedParameters(l.supportedParameters())
        .created(l.created())
        .provider(l.provider())
        .huggingFaceId(rename.apply(l.huggingFaceId()))
        .build();
  }

  // Before a ":variant", so variants stay variants of the renamed model.
  private static String suffixed(String id, String suffix) {
    int colon = id.lastIndexOf(':');
    int slash = id.lastIndexOf('/');
    return colon > slash ? id.substring(0, colon) + suffix + id.substring(colon) : id + suffix;
  }

  // Whole merges (identify every offer, resolve it against the index, build the models): median
  // wall and CPU milliseconds. CPU time of this thread is the figure to trust on a shared machine.
  private static double[] timeFullMerge(CatalogState state, CatalogMerger merger) {
    double[] wall = new double[RUNS];
    double[] cpu = new double[RUNS];
    merger.merge(state);
    for (int i = 0; i < RUNS; i++) {
      long start = System.nanoTime();
      long startCpu = THREADS.getCurrentThreadCpuTime();
      merger.merge(state);
      cpu[i] = (THREADS.getCurrentThreadCpuTime() - startCpu) / 1e6;
      wall[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(wall);
    Arrays.sort(cpu);
    return new double[] {wall[RUNS / 2], cpu[RUNS / 2]};
  }

  // CPU microseconds to identify and resolve one more offer against the index of all the others.
  private static double timeOneOffer(EvaluationInput input, IdentityResolver resolver) {
    IdentityIndex<String> index = new IdentityIndex<>(input.listings().size());
    for (EvaluationInput.Sold sold : input.listings()) {
      index.add(resolver.identify(sold.listing(), sold.seller()), sold.ref());
    }
    List<EvaluationInput.Sold> probes = input.listings();
    int found = 0;
    long start = THREADS.getCurrentThreadCpuTime();
    for (EvaluationInput.Sold sold : probes) {
      found +=
          index.find(resolver.identify(sold.listing(), "probe"), group -> true).isPresent() ? 1 : 0;
    }
    if (found == 0) {
      throw new IllegalStateException("no probe resolved");
    }
    return (THREADS.getCurrentThreadCpuTime() - start) / 1e3 / probes.size();
  }

  private static String json(
      IdentityEvaluation.Result r, int offers, double[] full, double perOffer) {
    return String.format(
        Locale.ROOT,
        "{\"listings\": %d, \"models\": %d, \"hf_pairs\": %d, \"hf_joined\": %d, \"hf_recall\": %.4f,"
            + " \"near_misses\": %d, \"near_miss_merged\": %d, \"near_miss_precision\": %.4f,"
            + " \"openrouter_listings\": %d, \"openrouter_models\": %d, \"alias_pairs\": %d, \"alias_recall\": %.4f,"
            + " \"scaled_offers\": %d, \"full_merge_wall_ms\": %.1f, \"full_merge_cpu_ms\": %.1f, \"one_offer_cpu_us\": %.2f}",
        r.listings(),
        r.models(),
        r.hfPairs(),
        r.hfPairs() - r.hfMissed().size(),
        r.hfRecall(),
        r.nearMisses(),
        r.falseMerges().size(),
        r.nearMissPrecision(),
        r.openRouterListings(),
        r.openRouterModels(),
        r.aliasPairs(),
        r.aliasRecall(),
        offers,
        full[0],
        full[1],
        perOffer);
  }
}
