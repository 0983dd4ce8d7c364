package com.gatewayz.modelpages.catalog;

import static com.gatewayz.modelpages.catalog.CatalogMergerTest.listing;
import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.testing.MutableClock;
import com.gatewayz.modelpages.testing.TestModels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** First published id wins, and every other id of a model leads to it (issue 14). */
class CanonicalIdsTest {

  private static final String GROQ_ID = "meta/llama-3.3-70b-versatile";
  private static final String OPENROUTER_ID = "meta-llama/llama-3.3-70b-instruct";

  @TempDir Path dataDir;
  private final MutableClock clock = MutableClock.atEpochSeconds(1_700_000_000);
  @RegisterExtension final CatalogStores stores = new CatalogStores();

  private CatalogService service(CatalogStore store, CatalogState initial) {
    return new CatalogService(
        initial, new CatalogMerger(Map.of("openrouter", 1, "groq", 2), List.of()), store, clock);
  }

  private static Listing groq() {
    return Listing.builder(GROQ_ID)
        .gatewayModelId("llama-3.3-70b-versatile")
        .name("Llama 3.3 70B")
        .developer("meta")
        .contextLength(131072L)
        .pricing(Pricing.perToken("0.00000059", "0.00000079"))
        .build();
  }

  private static Listing openRouter() {
    return listing(OPENROUTER_ID, OPENROUTER_ID, "0.0000001", "0.00000032");
  }

  private void refresh(CatalogService service, String gateway, Listing... listings) {
    service.update(
        state -> CatalogUpdates.refresh(state, gateway, List.of(listings), clock.millis()));
  }

  @Test
  void aModelKeepsTheIdItWasFirstPublishedUnderWhenAHigherPriorityGatewayJoins() {
    CatalogService service = service(null, CatalogState.empty());
    refresh(service, "groq", groq());
    List<CatalogChange> changes = new ArrayList<>();
    service.addListener(changes::add);

    refresh(service, "openrouter", openRouter());

    Catalog catalog = service.current();
    assertThat(catalog.models()).extracting(Model::id).containsExactly(GROQ_ID);
    assertThat(catalog.models().get(0).sourceGateways()).containsExactly("openrouter", "groq");
    assertThat(catalog.canonicalIdOf(OPENROUTER_ID)).contains(GROQ_ID);
    assertThat(catalog.findByAnyId(OPENROUTER_ID))
        .hasValueSatisfying(m -> assertThat(m.id()).isEqualTo(GROQ_ID));
    assertThat(catalog.aliasesOf(catalog.models().get(0))).containsExactly(OPENROUTER_ID);
    assertThat(changes.get(0).changed()).containsExactly(GROQ_ID);
    assertThat(changes.get(0).added()).isEmpty();
  }

  @Test
  void withoutAMemoryTheMergeWouldNameItAfterTheHigherPriorityGateway() {
    CatalogState both =
        CatalogUpdates.refresh(
                CatalogUpdates.refresh(CatalogState.empty(), "groq", List.of(groq()), 1).state(),
                "openrouter",
                List.of(openRouter()),
                1)
            .state();

    assertThat(service(null, both).current().models())
        .extracting(Model::id)
        .containsExactly(OPENROUTER_ID);
  }

  @Test
  void theCanonicalIdSurvivesARestart() {
    CatalogService first = service(stores.at(dataDir), CatalogState.empty());
    refresh(first, "groq", groq());
    refresh(first, "openrouter", openRouter());

    CatalogState stored = stores.at(dataDir).load().orElseThrow();
    CatalogService restarted = service(stores.at(dataDir), stored);

    assertThat(stored.canonicalIds()).containsEntry(OPENROUTER_ID, GROQ_ID);
    assertThat(restarted.current().models()).extracting(Model::id).containsExactly(GROQ_ID);
  }

  @Test
  void theIdOutlivesTheListingItWasNamedAfter() {
    CatalogService service = service(null, CatalogState.empty());
    refresh(service, "openrouter", openRouter());
    refresh(service, "groq", groq());
    assertThat(service.current().models()).extracting(Model::id).containsExactly(OPENROUTER_ID);

    refresh(service, "openrouter");
    refresh(service, "openrouter");

    assertThat(service.current().models()).extracting(Model::id).containsExactly(OPENROUTER_ID);
    assertThat(service.current().models().get(0).sourceGateways()).containsExactly("groq");
    assertThat(service.current().retired(OPENROUTER_ID)).isEmpty();
  }

  @Test
  void twoPublishedPagesThatBecomeOneModelKeepTheFirstAndTheOtherIdIsAnAliasNotRetired() {
    CatalogService service = service(null, CatalogState.empty());
    Listing nebius = listing("Qwen/Qwen3-Next-80B-A3B-Instruct", null, "0.00000015", "0.0000012");
    service.update(
        state -> CatalogUpdates.refresh(state, "nebius", List.of(nebius), clock.millis()));
    refresh(service, "openrouter", listing("qwen/qwen3-next", null, "0.0000001", "0.0000008"));
    assertThat(service.current().models()).hasSize(2);
    List<CatalogChange> changes = new ArrayList<>();
    service.addListener(changes::add);

    Listing declared =
        Listing.builder("qwen/qwen3-next")
            .gatewayModelId("qwen/qwen3-next")
            .pricing(Pricing.perToken("0.0000001", "0.0000008"))
            .huggingFaceId("Qwen/Qwen3-Next-80B-A3B-Instruct")
            .build();
    refresh(service, "openrouter", declared);

    Catalog catalog = service.current();
    assertThat(catalog.models()).extracting(Model::id).containsExactly("qwen/qwen3-next");
    assertThat(catalog.canonicalIdOf("Qwen/Qwen3-Next-80B-A3B-Instruct"))
        .contains("qwen/qwen3-next");
    assertThat(catalog.retired("Qwen/Qwen3-Next-80B-A3B-Instruct")).isEmpty();
    assertThat(changes.get(0).removed()).containsExactly("Qwen/Qwen3-Next-80B-A3B-Instruct");
    assertThat(changes.get(0).changed()).containsExactly("qwen/qwen3-next");
    assertThat(catalog.models().get(0).offers())
        .extracting(Offer::evidence)
        .containsExactly(Evidence.PRIMARY, Evidence.HUGGING_FACE_ID);
  }

  @Test
  void anIdTwoModelsAreListedUnderLeadsToNeither() {
    Model a =
        TestModels.priced(
            "x/a", "1", "1", new Offer("g", null, null, null, "x/shared", null, Evidence.PRIMARY));
    Model b =
        TestModels.priced(
            "x/b", "1", "1", new Offer("h", null, null, null, "x/shared", null, Evidence.PRIMARY));

    Catalog catalog = Catalog.of(List.of(a, b));

    assertThat(catalog.canonicalIdOf("x/shared")).isEmpty();
    assertThat(catalog.findByAnyId("x/a")).contains(a);
  }

  @Test
  void storedStatesAndJournalLinesWithoutTheMemoryStillRead() throws Exception {
    String stored = "{\"format\":2,\"sources\":{},\"retired\":[],\"gateway_status\":{}}";
    assertThat(
            CatalogStore.fromBytes(stored.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .canonicalIds())
        .isEmpty();

    CatalogState pinned = CatalogState.empty().withCanonicalIds(Map.of(OPENROUTER_ID, GROQ_ID));
    jakarta.json.JsonObject oldLine =
        com.gatewayz.modelpages.platform.JsonSupport.JSON
            .createReader(
                new java.io.StringReader(
                    "{\"put\":{},\"removed\":{},\"retired\":[],\"gateway_status\":{}}"))
            .readObject();
    assertThat(CatalogJournal.apply(pinned, oldLine, "test").canonicalIds())
        .containsEntry(OPENROUTER_ID, GROQ_ID);
  }

  @Test
  void aHostileStoredMemoryIsDroppedNotFatal() throws Exception {
    String stored =
        "{\"format\":2,\"sources\":{},\"retired\":[],\"gateway_status\":{},"
            + "\"canonical_ids\":{\"a/b\":\"../../etc\",\"c/d\":7,\"e/f\":\"g/h\"}}";

    assertThat(
            CatalogStore.fromBytes(stored.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .canonicalIds())
        .containsExactly(Map.entry("e/f", "g/h"));
  }
}
