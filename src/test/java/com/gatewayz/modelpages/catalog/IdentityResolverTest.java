package com.gatewayz.modelpages.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdentityResolverTest {

  private final IdentityResolver resolver = new IdentityResolver(AliasTable.bundled());

  private static Listing listing(String id, String rawId, String slug, String huggingFace) {
    return Listing.builder(id)
        .gatewayModelId(rawId)
        .canonicalSlug(slug)
        .huggingFaceId(huggingFace)
        .build();
  }

  private static Listing of(String id) {
    return listing(id, id, null, null);
  }

  /** A models.dev-style listing: the raw id, prefixed with the provider when it has no slash. */
  private static Listing offered(String provider, String rawId) {
    String id = rawId.indexOf('/') < 0 ? provider + "/" + rawId : rawId;
    return Listing.builder(id).gatewayModelId(rawId).provider(provider).build();
  }

  private record Sold(String seller, Listing listing) {}

  private static Sold sold(String seller, Listing listing) {
    return new Sold(seller, listing);
  }

  /** Resolves {@code second} against an index holding only {@code first}. */
  private Optional<IdentityIndex.Match<String>> match(Sold first, Sold second) {
    IdentityIndex<String> index = new IdentityIndex<>();
    index.add(resolver.identify(first.listing(), first.seller()), "first");
    return index.find(resolver.identify(second.listing(), second.seller()), group -> true);
  }

  private Evidence joinedBy(Sold first, Sold second) {
    return match(first, second).map(IdentityIndex.Match::evidence).orElse(null);
  }

  private static final Sold OPENROUTER_LLAMA =
      sold(
          "openrouter",
          listing(
              "meta-llama/llama-3.3-70b-instruct",
              "meta-llama/llama-3.3-70b-instruct",
              "meta-llama/llama-3.3-70b-instruct",
              "meta-llama/Llama-3.3-70B-Instruct"));

  @Test
  void aProviderIdThatIsTheDeclaredHuggingFaceRepoJoinsWhateverItsCaseAndHostPrefix() {
    assertThat(joinedBy(OPENROUTER_LLAMA, sold("nebius", of("meta-llama/Llama-3.3-70B-Instruct"))))
        .isEqualTo(Evidence.HUGGING_FACE_ID);
    assertThat(
            joinedBy(
                OPENROUTER_LLAMA,
                sold(
                    "synthetic",
                    listing(
                        "hf:meta-llama/Llama-3.3-70B-Instruct",
                        "hf:meta-llama/Llama-3.3-70B-Instruct",
                        null,
                        null))))
        .isEqualTo(Evidence.HUGGING_FACE_ID);
  }

  @Test
  void theCanonicalSlugJoinsAnotherIdAndADatedProviderId() {
    Sold openRouter =
        sold(
            "openrouter",
            listing(
                "anthropic/claude-3.7-sonnet",
                "anthropic/claude-3.7-sonnet",
                "anthropic/claude-3-7-sonnet-20250219",
                null));

    assertThat(
            joinedBy(
                openRouter,
                sold(
                    "webhook",
                    listing(
                        "anthropic/claude-3-7-sonnet",
                        "anthropic/claude-3-7-sonnet",
                        "anthropic/claude-3-7-sonnet-20250219",
                        null))))
        .isEqualTo(Evidence.CANONICAL_SLUG);
    assertThat(
            joinedBy(
                openRouter, sold("anthropic", offered("anthropic", "claude-3-7-sonnet@20250219"))))
        .isEqualTo(Evidence.NORMALISED_ID);
  }

  @Test
  void separatorsCaseDeveloperAliasesAndQuantizationAreNormalisedAway() {
    assertThat(joinedBy(OPENROUTER_LLAMA, sold("digitalocean", of("meta/llama3.3-70b-instruct"))))
        .isEqualTo(Evidence.NORMALISED_ID);
    Sold cloudflare = sold("cloudflare-workers-ai", of("@cf/meta/llama-3.3-70b-instruct-fp8-fast"));
    assertThat(joinedBy(OPENROUTER_LLAMA, cloudflare)).isNotNull();
    assertThat(resolver.identify(cloudflare.listing(), cloudflare.seller()).quantization())
        .isEqualTo("fp8");
  }

  @Test
  void theAliasTableMapsProviderSpecificNames() {
    Sold groq =
        sold(
            "groq", listing("meta/llama-3.3-70b-versatile", "llama-3.3-70b-versatile", null, null));

    assertThat(joinedBy(OPENROUTER_LLAMA, groq)).isEqualTo(Evidence.ALIAS_TABLE);
  }

  @Test
  void turboIsAQuantizationOnlyWhereTheTableSaysSo() {
    Sold together = sold("togetherai", of("meta-llama/Llama-3.3-70B-Instruct-Turbo"));
    assertThat(joinedBy(OPENROUTER_LLAMA, together)).isNotNull();
    assertThat(resolver.identify(together.listing(), "togetherai").quantization()).isEqualTo("fp8");

    assertThat(
            match(sold("openrouter", of("openai/gpt-4")), sold("azure", of("openai/gpt-4-turbo"))))
        .isEmpty();
  }

  @Test
  void fastIsDroppedOnlyAfterAQuantizationMarker() {
    assertThat(match(sold("openrouter", of("x-ai/grok-4")), sold("xai", of("x-ai/grok-4-fast"))))
        .isEmpty();
  }

  @Test
  void aBareNameAtAHostJoinsTheOneModelOfThatName() {
    assertThat(
            joinedBy(OPENROUTER_LLAMA, sold("azure", offered("azure", "llama-3.3-70b-instruct"))))
        .isEqualTo(Evidence.MODEL_NAME);
  }

  @Test
  void aBareNameTwoDevelopersUseJoinsNeither() {
    IdentityIndex<String> index = new IdentityIndex<>();
    index.add(resolver.identify(of("mistralai/magnum-7b"), "openrouter"), "mistral's");
    index.add(resolver.identify(of("google/magnum-7b"), "together"), "google's");

    assertThat(index.find(resolver.identify(offered("azure", "magnum-7b"), "azure"), g -> true))
        .isEmpty();
  }

  @Test
  void aOneWordNameOfUnknownOriginJoinsNothing() {
    assertThat(
            match(
                sold(
                    "openrouter",
                    listing("openrouter/auto", "openrouter/auto", "openrouter/auto", null)),
                sold("morph", offered("morph", "auto"))))
        .isEmpty();
    assertThat(match(sold("openrouter", of("acme/auto")), sold("other", offered("other", "auto"))))
        .isEmpty();
  }

  @Test
  void nearMissesStayApart() {
    List<String[]> pairs =
        List.of(
            new String[] {"meta-llama/llama-3.1-70b-instruct", "meta-llama/llama-3.1-8b-instruct"},
            new String[] {"meta-llama/llama-3.1-8b-instruct", "meta-llama/llama-3.1-8b"},
            new String[] {
              "meta-llama/llama-3.2-11b-vision-instruct", "meta-llama/llama-3.2-11b-instruct"
            },
            new String[] {
              "meta-llama/llama-3.3-70b-instruct", "huihui-ai/llama-3.3-70b-instruct-abliterated"
            },
            new String[] {"openai/gpt-oss-120b", "openai/gpt-oss-safeguard-120b"},
            new String[] {"openai/gpt-4o-2024-05-13", "openai/gpt-4o-2024-08-06"},
            new String[] {"deepseek/deepseek-r1", "deepseek-ai/DeepSeek-R1-0528"},
            new String[] {
              "meta-llama/llama-3.3-70b-instruct", "meta-llama/llama-3.3-70b-instruct:free"
            });
    for (String[] pair : pairs) {
      assertThat(match(sold("openrouter", of(pair[0])), sold("together", of(pair[1]))))
          .as(pair[1])
          .isEmpty();
    }
  }

  @Test
  void aVariantMatchesOnlyTheSameVariant() {
    Sold free =
        sold(
            "openrouter",
            listing(
                "meta-llama/llama-3.3-70b-instruct:free",
                "meta-llama/llama-3.3-70b-instruct:free",
                "meta-llama/llama-3.3-70b-instruct",
                "meta-llama/Llama-3.3-70B-Instruct"));

    assertThat(match(free, sold("nebius", of("meta-llama/Llama-3.3-70B-Instruct")))).isEmpty();
    assertThat(match(free, sold("kilo", of("meta-llama/llama-3.3-70b-instruct:free")))).isPresent();
  }

  @Test
  void aQuantizedUploadByAQuantizerIsTheOriginalDevelopersModel() {
    Sold nvidia = sold("evroc", of("nvidia/Llama-3.3-70B-Instruct-FP8"));

    assertThat(joinedBy(OPENROUTER_LLAMA, nvidia)).isEqualTo(Evidence.MODEL_NAME);
    assertThat(resolver.identify(nvidia.listing(), "evroc").exact()).isFalse();
  }

  @Test
  void theOneDeveloperNamespaceOfAnOrganisation() {
    assertThat(resolver.identify(of("meta/llama-3.3-70b-instruct"), "github-models").developer())
        .isEqualTo("meta-llama");
    assertThat(resolver.identify(of("zai-org/GLM-4.6"), "deepinfra").developer()).isEqualTo("z-ai");
    assertThat(resolver.identify(offered("mistral", "mistral-large-2411"), "mistral").developer())
        .isEqualTo("mistralai");
    assertThat(resolver.identify(offered("azure", "gpt-4o"), "azure").isDeveloperless()).isTrue();
  }

  @Test
  void theStrongestEvidenceComesFirst() {
    ModelIdentity identity = resolver.identify(OPENROUTER_LLAMA.listing(), "openrouter");

    List<Evidence> kinds = new ArrayList<>();
    identity.keys().forEach(key -> kinds.add(key.evidence()));
    assertThat(kinds).isSortedAccordingTo(Enum::compareTo);
    assertThat(kinds.get(0)).isEqualTo(Evidence.HUGGING_FACE_ID);
  }

  @Test
  void aSellersTwoListingsOfOneModelAreNeverJoinedWhenTheCallerRefuses() {
    IdentityIndex<String> index = new IdentityIndex<>();
    index.add(resolver.identify(of("qwen/qwen3-8b"), "siliconflow"), "group");

    assertThat(index.find(resolver.identify(of("Qwen/Qwen3-8B"), "siliconflow"), group -> false))
        .isEmpty();
  }
}
