package com.gatewayz.modelpages.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.testing.TestModels;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogMergerTest {

  static Listing listing(String id, String slug, String prompt, String completion) {
    return Listing.builder(id)
        .gatewayModelId(id)
        .canonicalSlug(slug)
        .name("Name of " + id)
        .contextLength(131072L)
        .pricing(Pricing.perToken(prompt, completion))
        .build();
  }

  private final CatalogMerger merger =
      new CatalogMerger(Map.of("openrouter", 1, "together", 2, "groq", 3), List.of());

  private static CatalogState state(String gateway, Listing... listings) {
    CatalogState state = CatalogState.empty();
    return CatalogUpdates.refresh(state, gateway, List.of(listings), 1).state();
  }

  @Test
  void oneModelFromSeveralGatewaysIsOneModelWithAnOfferPerGatewayAndTheCheapestHeadline() {
    CatalogState state =
        state(
            "openrouter",
            listing("meta-llama/llama-3.3-70b-instruct", null, "0.0000006", "0.0000006"));
    state =
        CatalogUpdates.refresh(
                state,
                "together",
                List.of(
                    listing("meta-llama/Llama-3.3-70B-Instruct", null, "0.00000088", "0.00000088")),
                1)
            .state();
    state =
        CatalogUpdates.refresh(
                state,
                "groq",
                List.of(listing("groq/meta-llama/llama-3.3-70b-instruct", null, null, null)),
                1)
            .state();

    List<Model> models = merger.merge(state);

    assertThat(models).hasSize(1);
    Model model = models.get(0);
    assertThat(model.id()).isEqualTo("meta-llama/llama-3.3-70b-instruct");
    assertThat(model.sourceGateways()).containsExactly("openrouter", "together", "groq");
    assertThat(model.pricingGateway()).isEqualTo("openrouter");
    assertThat(model.pricing().prompt()).isEqualByComparingTo(new BigDecimal("0.0000006"));
  }

  @Test
  void theCanonicalSlugMatchesDifferentIds() {
    CatalogState state =
        state(
            "openrouter",
            listing(
                "anthropic/claude-sonnet-4.5",
                "anthropic/claude-4.5-sonnet-20250929",
                "0.000003",
                "0.000015"));
    state =
        CatalogUpdates.refresh(
                state,
                "together",
                List.of(
                    listing(
                        "anthropic/claude-4.5-sonnet-20250929",
                        "anthropic/claude-4.5-sonnet-20250929",
                        "0.000002",
                        "0.00001")),
                1)
            .state();

    List<Model> models = merger.merge(state);

    assertThat(models).hasSize(1);
    assertThat(models.get(0).id()).isEqualTo("anthropic/claude-sonnet-4.5");
    assertThat(models.get(0).pricingGateway()).isEqualTo("together");
  }

  private static Listing fromProvider(String provider, String id) {
    return Listing.builder(id)
        .gatewayModelId(id)
        .name("Name of " + id)
        .contextLength(131072L)
        .pricing(Pricing.perToken("0.000001", "0.000002"))
        .provider(provider)
        .build();
  }

  @Test
  void oneModelFromSeveralModelsDevProvidersIsOneModelWithAnOfferPerProvider() {
    CatalogState state =
        state(
            "models-dev",
            fromProvider("openai", "openai/gpt-4o"),
            fromProvider("azure", "azure/gpt-4o"),
            fromProvider("azure", "azure/gpt-4o-mini"));

    List<Model> models = merger.merge(state);

    assertThat(models).extracting(Model::id).containsExactly("openai/gpt-4o", "azure/gpt-4o-mini");
    assertThat(models.get(0).offers())
        .extracting(Offer::gateway)
        .containsExactly("openai", "azure");
  }

  @Test
  void twoListingsOfOneModelsDevProviderStayTwoModels() {
    CatalogState state =
        state(
            "models-dev",
            fromProvider("azure", "azure/gpt-4o"),
            fromProvider("azure", "azure/GPT-4o"));

    assertThat(merger.merge(state))
        .extracting(Model::id)
        .containsExactly("azure/gpt-4o", "azure/GPT-4o");
  }

  @Test
  void variantsOfOneGatewayStaySeparateModelsEvenWithOneCanonicalSlug() {
    CatalogState state =
        state(
            "openrouter",
            listing("z-ai/glm-4.5-air:free", "z-ai/glm-4.5-air", "0", "0"),
            listing("z-ai/glm-4.5-air", "z-ai/glm-4.5-air", "0.0000002", "0.0000011"));

    List<Model> models = merger.merge(state);

    assertThat(models)
        .extracting(Model::id)
        .containsExactly("z-ai/glm-4.5-air:free", "z-ai/glm-4.5-air");
    assertThat(models.get(1).pricing().isFree()).isFalse();
  }

  @Test
  void curatedModelsComeFirstInCuratedOrder() {
    Model first = TestModels.model("z/curated-first");
    Model second = TestModels.model("a/curated-second");
    CatalogMerger curatedMerger = new CatalogMerger(Map.of(), List.of(first, second));
    CatalogState state =
        state(
            "openrouter",
            listing("m/new", null, "1", "1"),
            listing("a/curated-second", null, "1", "1"),
            listing("z/curated-first", null, "1", "1"));

    assertThat(curatedMerger.merge(state))
        .extracting(Model::id)
        .containsExactly("z/curated-first", "a/curated-second", "m/new");
  }

  @Test
  void modelsDevListingsAreOfferedUnderTheirProvider() {
    Listing deepinfra =
        Listing.builder("meta-llama/llama-4-scout")
            .gatewayModelId("x")
            .name("Scout")
            .developer("meta-llama")
            .pricing(Pricing.perToken("0.00000008", "0.0000003"))
            .provider("deepinfra")
            .build();

    Model model = merger.merge(state("models-dev", deepinfra)).get(0);

    assertThat(model.sourceGateways()).containsExactly("deepinfra");
  }

  @Test
  void everyOfferSaysWhichListingItIsAndWhatJoinedIt() {
    CatalogState state =
        state(
            "openrouter",
            Listing.builder("meta-llama/llama-3.3-70b-instruct")
                .gatewayModelId("meta-llama/llama-3.3-70b-instruct")
                .name("Llama 3.3 70B")
                .contextLength(131072L)
                .pricing(Pricing.perToken("0.0000001", "0.00000032"))
                .huggingFaceId("meta-llama/Llama-3.3-70B-Instruct")
                .build());
    state =
        CatalogUpdates.refresh(
                state,
                "models-dev",
                List.of(
                    fromProvider("nebius", "meta-llama/Llama-3.3-70B-Instruct"),
                    fromProvider(
                        "cloudflare-workers-ai", "@cf/meta/llama-3.3-70b-instruct-fp8-fast"),
                    Listing.builder("groq/llama-3.3-70b-versatile")
                        .gatewayModelId("llama-3.3-70b-versatile")
                        .pricing(Pricing.perToken("0.00000059", "0.00000079"))
                        .provider("groq")
                        .build()),
                1)
            .state();

    List<Model> models = merger.merge(state);

    assertThat(models).hasSize(1);
    assertThat(models.get(0).offers())
        .extracting(Offer::gateway, Offer::listingId, Offer::evidence, Offer::quantization)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "openrouter", "meta-llama/llama-3.3-70b-instruct", Evidence.PRIMARY, null),
            org.assertj.core.groups.Tuple.tuple(
                "nebius", "meta-llama/Llama-3.3-70B-Instruct", Evidence.HUGGING_FACE_ID, null),
            org.assertj.core.groups.Tuple.tuple(
                "cloudflare-workers-ai",
                "@cf/meta/llama-3.3-70b-instruct-fp8-fast",
                Evidence.NORMALISED_ID,
                "fp8"),
            org.assertj.core.groups.Tuple.tuple(
                "groq", "groq/llama-3.3-70b-versatile", Evidence.ALIAS_TABLE, null));
  }

  @Test
  void severalModelsDevProvidersListingOneIdAreAnOfferEach() {
    CatalogState state =
        state(
            "models-dev",
            fromProvider("deepinfra", "Qwen/Qwen3-8B"),
            fromProvider("nebius", "Qwen/Qwen3-8B"),
            fromProvider("novita", "Qwen/Qwen3-8B"));

    List<Model> models = merger.merge(state);

    assertThat(models).hasSize(1);
    assertThat(models.get(0).sourceGateways()).containsExactly("deepinfra", "nebius", "novita");
  }

  @Test
  void ofOneSellersTwoListingsOfAModelTheExactIdIsTheOffer() {
    CatalogState state =
        state(
            "models-dev",
            fromProvider("siliconflow-cn", "Pro/deepseek-ai/DeepSeek-R1"),
            fromProvider("siliconflow-cn", "deepseek-ai/DeepSeek-R1"));

    List<Model> models = merger.merge(state);

    assertThat(models)
        .extracting(Model::id)
        .containsExactly("deepseek-ai/DeepSeek-R1", "Pro/deepseek-ai/DeepSeek-R1");
  }

  @Test
  void aModelCarriesItsOrganisationsOneDeveloperNamespace() {
    CatalogState state =
        state(
            "groq",
            Listing.builder("meta/llama-3.1-8b-instant")
                .gatewayModelId("llama-3.1-8b-instant")
                .developer("meta")
                .build());

    assertThat(merger.merge(state).get(0).developer()).isEqualTo("meta-llama");
  }

  @Test
  void identifyingALargeGatewayInParallelMergesAsOneThreadDoes() {
    GeneratedCatalog generated = new GeneratedCatalog(18);
    CatalogState state = generated.state(12_000);
    CatalogMerger oneThread = new CatalogMerger(GeneratedCatalog.PRIORITIES, List.of());
    oneThread.parallelIdentifyFrom = Integer.MAX_VALUE;
    CatalogMerger parallel = new CatalogMerger(GeneratedCatalog.PRIORITIES, List.of());
    parallel.parallelIdentifyFrom = 1;

    assertThat(parallel.merged(state).models()).isEqualTo(oneThread.merged(state).models());
  }
}
