package com.gatewayz.modelpages.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Large catalogs for tests, generated in-process (tests never read the benchmark snapshots): {@code
 * count} listings spread over a few gateways, deterministic for a seed. Developers follow a long
 * tail; about one model in eight is also listed by a second gateway under another id that the
 * identity resolver joins (the same Hugging Face repo, or the same name at a host), so merges and
 * aliases happen as they do in real lists.
 */
final class GeneratedCatalog {

  static final List<String> GATEWAYS = List.of("openrouter", "together", "deepinfra", "groq");
  static final Map<String, Integer> PRIORITIES =
      Map.of("openrouter", 1, "together", 2, "deepinfra", 3, "groq", 4);
  private static final String[] STEMS = {
    "llama-3.3-70b-instruct", "qwen3-32b", "mistral-small-24b", "gemma-3-27b-it", "phi-4",
    "deepseek-v3", "glm-4.6", "kimi-k2", "granite-3.3-8b", "olmo-2-13b"
  };

  private final Random random;

  GeneratedCatalog(long seed) {
    this.random = new Random(seed);
  }

  /** The listings of each gateway, in list order. */
  Map<String, List<Listing>> lists(int count) {
    Map<String, List<Listing>> lists = new LinkedHashMap<>();
    GATEWAYS.forEach(gateway -> lists.put(gateway, new ArrayList<>()));
    for (int i = 0; i < count; i++) {
      String gateway = GATEWAYS.get(i % GATEWAYS.size());
      Listing listing = listing(i);
      lists.get(gateway).add(listing);
      if (i % 8 == 3) {
        String other = GATEWAYS.get((i + 1) % GATEWAYS.size());
        lists.get(other).add(alias(listing, other));
      }
    }
    return lists;
  }

  /** The state a refresh of every gateway at time 1 builds from {@link #lists}. */
  CatalogState state(int count) {
    CatalogState state = CatalogState.empty();
    for (Map.Entry<String, List<Listing>> list : lists(count).entrySet()) {
      state = CatalogUpdates.refresh(state, list.getKey(), list.getValue(), 1).state();
    }
    return state;
  }

  /** Model number {@code i}: a developer of the long tail, a stem, a size and a price. */
  Listing listing(int i) {
    String developer = developer();
    String name = STEMS[i % STEMS.length] + "-g" + i;
    String id = developer + "/" + name;
    return Listing.builder(id)
        .gatewayModelId(id)
        .name("Model " + name)
        .developer(developer)
        .description("Generated model " + i + ".")
        .contextLength((long) (4096 << random.nextInt(6)))
        .pricing(price())
        .architecture(Architecture.TEXT)
        .supportedParameters(List.of("tools"))
        .created(1_700_000_000L + i)
        .huggingFaceId(i % 3 == 0 ? id : null)
        .build();
  }

  /** Another gateway's listing of the same model: another id the resolver joins to it. */
  static Listing alias(Listing listing, String gateway) {
    String id = gateway + "/" + listing.id().substring(listing.id().indexOf('/') + 1);
    return Listing.builder(id)
        .gatewayModelId(id)
        .name(listing.name())
        .contextLength(listing.contextLength())
        .pricing(listing.pricing())
        .huggingFaceId(listing.huggingFaceId())
        .build();
  }

  /** {@code listing} at another price. */
  Listing repriced(Listing listing) {
    return copyOf(listing).pricing(price()).build();
  }

  /** A builder holding every field of {@code listing}, to change some of them. */
  static ListingBuilder copyOf(Listing listing) {
    return Listing.builder(listing.id())
        .gatewayModelId(listing.gatewayModelId())
        .canonicalSlug(listing.canonicalSlug())
        .name(listing.name())
        .developer(listing.developer())
        .description(listing.description())
        .contextLength(listing.contextLength())
        .maxCompletionTokens(listing.maxCompletionTokens())
        .pricing(listing.pricing())
        .architecture(listing.architecture())
        .supportedParameters(listing.supportedParameters())
        .created(listing.created())
        .provider(listing.provider())
        .huggingFaceId(listing.huggingFaceId());
  }

  private String developer() {
    double u = random.nextDouble();
    int rank = (int) Math.floor(Math.pow(2000, u)) - 1;
    return rank < 10
        ? List.of(
                "meta-llama",
                "qwen",
                "mistralai",
                "google",
                "microsoft",
                "deepseek",
                "z-ai",
                "moonshotai",
                "ibm-granite",
                "allenai")
            .get(rank)
        : "org-" + rank;
  }

  private Pricing price() {
    if (random.nextInt(20) == 0) {
      return new Pricing(BigDecimal.ZERO, BigDecimal.ZERO);
    }
    BigDecimal prompt = BigDecimal.valueOf(1 + random.nextInt(5000), 9);
    return new Pricing(prompt, prompt.multiply(BigDecimal.valueOf(1 + random.nextInt(4))));
  }
}
