package com.gatewayz.modelpages.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.testing.MutableClock;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property: on random sequences of webhook and refresh changes (upserts, removals, price changes,
 * listings another gateway's model joins by identity, tombstones forgotten), a catalog service that
 * re-merges small changes incrementally ends every step in the state, catalog and purge of one that
 * always merges everything.
 */
class IncrementalMergeTest {

  @RegisterExtension final CatalogStores stores = new CatalogStores();

  private static final int STEPS = 150;

  @Test
  void incrementalMergeEqualsFullMergeOnRandomChangeSequences() {
    int remerged = 0;
    for (long seed = 1; seed <= 12; seed++) {
      remerged += run(seed, 300);
    }
    // The property is only worth something if most changes took the incremental path.
    assertThat(remerged).isGreaterThan(12 * STEPS / 2);
  }

  private static int run(long seed, int size) {
    GeneratedCatalog generated = new GeneratedCatalog(seed);
    CatalogState initial = generated.state(size);
    CatalogMerger merger = new CatalogMerger(GeneratedCatalog.PRIORITIES, List.of());
    MutableClock clock = MutableClock.atEpochSeconds(1_700_000_000);
    CatalogService incremental = new CatalogService(initial, merger, null, clock);
    CatalogService full = new CatalogService(initial, merger, null, clock);
    full.merges.remergeSmallChanges = false;
    Random random = new Random(seed);
    for (int step = 0; step < STEPS; step++) {
      clock.advance(Duration.ofHours(random.nextInt(4) == 0 ? 30 : 1));
      Function<CatalogState, CatalogUpdates.Outcome> change =
          randomChange(random, generated, incremental.state(), clock.millis(), size + step);
      CatalogService.Applied a = incremental.update(change);
      CatalogService.Applied b = full.update(change);
      String where = "seed " + seed + " step " + step;
      assertThat(incremental.state()).as(where).isEqualTo(full.state());
      assertSameCatalog(incremental.current(), full.current(), where);
      assertThat(new HashSet<>(CacheTags.purgedBy(a.change())))
          .as(where)
          .isEqualTo(new HashSet<>(CacheTags.purgedBy(b.change())));
    }
    return incremental.merges.remergedChanges;
  }

  private static Function<CatalogState, CatalogUpdates.Outcome> randomChange(
      Random random, GeneratedCatalog generated, CatalogState state, long now, int fresh) {
    String gateway =
        GeneratedCatalog.GATEWAYS.get(random.nextInt(GeneratedCatalog.GATEWAYS.size()));
    List<SourceEntry> entries = new ArrayList<>(state.entriesOf(gateway).values());
    entries.removeIf(entry -> entry.listing() == null);
    Listing some =
        entries.isEmpty()
            ? generated.listing(fresh)
            : entries.get(random.nextInt(entries.size())).listing();
    // Every value drawn now: both services must apply the very same change.
    Listing added = generated.listing(fresh);
    Listing repriced = generated.repriced(some);
    String other = GeneratedCatalog.GATEWAYS.get(random.nextInt(GeneratedCatalog.GATEWAYS.size()));
    Listing described = described(some, random.nextInt(1_000));
    List<SourceEntry> others = new ArrayList<>(state.entriesOf(other).values());
    others.removeIf(entry -> entry.listing() == null);
    Listing rehomed =
        rehomed(
            some,
            others.isEmpty()
                ? "org-1/unknown"
                : others.get(random.nextInt(others.size())).listing().id());
    List<Listing> listed = refreshed(random, generated, state, gateway, fresh);
    return switch (random.nextInt(9)) {
      case 0 -> s -> CatalogUpdates.upsert(s, gateway, List.of(added), now);
      case 1 -> s -> CatalogUpdates.remove(s, gateway, List.of(some.entryKey()), now);
      case 2 ->
          s -> CatalogUpdates.upsert(s, other, List.of(GeneratedCatalog.alias(some, other)), now);
      case 3 -> s -> CatalogUpdates.refresh(s, gateway, listed, now);
      case 4 -> s -> CatalogUpdates.status(s, gateway, "degraded", now);
      case 5 -> s -> CatalogUpdates.upsert(s, gateway, List.of(described), now);
      case 6 -> s -> CatalogUpdates.upsert(s, gateway, List.of(rehomed), now);
      default -> s -> CatalogUpdates.upsert(s, gateway, List.of(repriced), now);
    };
  }

  // Fields the merge takes from a model's first listing, none of them identifying it.
  private static Listing described(Listing listing, int variant) {
    return GeneratedCatalog.copyOf(listing)
        .description("Described again, " + variant + ".")
        .contextLength(1_000L + variant)
        .supportedParameters(List.of("tools", "p" + variant))
        .build();
  }

  // Another Hugging Face repo: the listing's strongest key changes, so it may leave its model or
  // join the model of that repo.
  private static Listing rehomed(Listing listing, String repo) {
    return GeneratedCatalog.copyOf(listing).huggingFaceId(repo).build();
  }

  // The gateway's visible listings, one dropped, one repriced and one new.
  private static List<Listing> refreshed(
      Random random, GeneratedCatalog generated, CatalogState state, String gateway, int fresh) {
    List<Listing> listings = new ArrayList<>();
    state.entriesOf(gateway).values().stream()
        .filter(SourceEntry::isVisible)
        .forEach(e -> listings.add(e.listing()));
    if (!listings.isEmpty()) {
      listings.remove(random.nextInt(listings.size()));
    }
    if (!listings.isEmpty()) {
      int at = random.nextInt(listings.size());
      listings.set(at, generated.repriced(listings.get(at)));
    }
    listings.add(generated.listing(fresh + 100_000));
    return listings;
  }

  private static void assertSameCatalog(Catalog actual, Catalog expected, String where) {
    assertThat(actual.models()).as(where).isEqualTo(expected.models());
    assertThat(actual.developers()).as(where).isEqualTo(expected.developers());
    assertThat(actual.gateways()).as(where).isEqualTo(expected.gateways());
    for (Model model : expected.models()) {
      assertThat(actual.lastModified(model.id()))
          .as(where)
          .isEqualTo(expected.lastModified(model.id()));
      assertThat(actual.uniqueAlias(model.alias()))
          .as(where)
          .isEqualTo(expected.uniqueAlias(model.alias()));
      assertThat(actual.aliasesOf(model)).as(where).isEqualTo(expected.aliasesOf(model));
      for (String member : CanonicalIds.membersOf(model)) {
        assertThat(actual.canonicalIdOf(member))
            .as(where)
            .isEqualTo(expected.canonicalIdOf(member));
        assertThat(actual.retired(member)).as(where).isEqualTo(expected.retired(member));
      }
    }
    for (String id : expected.models().stream().map(Model::id).toList()) {
      assertThat(actual.find(id)).as(where).isEqualTo(expected.find(id));
    }
  }

  @Test
  void theMemoOfAFullMergeIsThatMerge() {
    CatalogState state = new GeneratedCatalog(7).state(2_000);
    CatalogMerger merger = new CatalogMerger(GeneratedCatalog.PRIORITIES, List.of());
    CatalogMerger.Merged merged = merger.merged(state);
    Catalog catalog = Catalog.of(merged.models(), state.retired(), merged.lastModified());

    assertThat(IncrementalMerge.of(merger, state, catalog)).isPresent();
  }

  @Test
  void theWholeMergeBuiltWithItsMemoIsTheFullMerge() {
    for (long seed = 20; seed < 26; seed++) {
      GeneratedCatalog generated = new GeneratedCatalog(seed);
      CatalogState state = generated.state(1_500);
      CatalogMerger merger = new CatalogMerger(GeneratedCatalog.PRIORITIES, List.of());
      // Its later changes pin ids, drop listings and move offers between models.
      CatalogService changed =
          new CatalogService(state, merger, null, MutableClock.atEpochSeconds(1_700_000_000));
      Random random = new Random(seed);
      for (int step = 0; step < 40; step++) {
        Function<CatalogState, CatalogUpdates.Outcome> change =
            randomChange(
                random, generated, changed.state(), 1_700_000_000_000L + step, 2_000 + step);
        changed.update(change);
      }
      CatalogState after = changed.state();

      IncrementalMerge.Whole whole = IncrementalMerge.whole(merger, after).orElseThrow();

      CatalogMerger.Merged full = merger.merged(after);
      assertSameCatalog(
          whole.catalog(),
          Catalog.of(full.models(), after.retired(), full.lastModified()),
          "seed " + seed);
      assertThat(whole.memo().describes(after)).isTrue();
    }
  }

  @Test
  void aWebhookChangingOneModelOfALargeCatalogWritesAJournalLineTheSizeOfTheChange(
      @TempDir Path dir) throws Exception {
    GeneratedCatalog generated = new GeneratedCatalog(3);
    CatalogState state = generated.state(20_000);
    CatalogStore store = stores.at(dir);
    store.save(state);
    MutableClock clock = MutableClock.atEpochSeconds(1_700_000_000);
    CatalogService service =
        new CatalogService(
            state, new CatalogMerger(GeneratedCatalog.PRIORITIES, List.of()), store, clock);
    Listing one = state.entriesOf("together").values().iterator().next().listing();

    CatalogService.Applied applied =
        service.update(
            s ->
                CatalogUpdates.upsert(
                    s, "together", List.of(generated.repriced(one)), clock.millis()));

    assertThat(applied.change().touched()).hasSize(1);
    assertThat(service.merges.remergedChanges).isEqualTo(1);
    assertThat(Files.size(dir.resolve(CatalogStore.JOURNAL))).isBetween(100L, 2_000L);
    assertThat(stores.at(dir).load()).contains(service.state());
  }

  @Test
  void consecutiveWebhooksReuseTheMemoInsteadOfRebuildingIt() {
    GeneratedCatalog generated = new GeneratedCatalog(5);
    CatalogState state = generated.state(2_000);
    MutableClock clock = MutableClock.atEpochSeconds(1_700_000_000);
    CatalogService service =
        new CatalogService(
            state, new CatalogMerger(GeneratedCatalog.PRIORITIES, List.of()), null, clock);
    List<Listing> listings = new ArrayList<>();
    state.entriesOf("together").values().forEach(e -> listings.add(e.listing()));

    for (int i = 0; i < 5; i++) {
      Listing repriced = generated.repriced(listings.get(i * 7));
      clock.advance(Duration.ofMinutes(1));
      service.update(s -> CatalogUpdates.upsert(s, "together", List.of(repriced), clock.millis()));
    }
    service.update(s -> CatalogUpdates.status(s, "together", "degraded", clock.millis()));
    service.update(
        s ->
            CatalogUpdates.upsert(
                s, "together", List.of(generated.repriced(listings.get(1))), clock.millis()));

    assertThat(service.merges.remergedChanges).isEqualTo(7);
    assertThat(service.merges.memosBuilt).isEqualTo(1);
  }

  @Test
  void theFirstWebhookAfterStartFindsTheMemoBuiltWithTheFirstMerge() {
    GeneratedCatalog generated = new GeneratedCatalog(6);
    CatalogState state = generated.state(2_000);
    MutableClock clock = MutableClock.atEpochSeconds(1_700_000_000);
    CatalogService service =
        new CatalogService(
            state, new CatalogMerger(GeneratedCatalog.PRIORITIES, List.of()), null, clock);
    Listing one = state.entriesOf("together").values().iterator().next().listing();

    service.update(
        s ->
            CatalogUpdates.upsert(s, "together", List.of(generated.repriced(one)), clock.millis()));

    assertThat(service.merges.remergedChanges).isEqualTo(1);
    assertThat(service.merges.memosBuilt).isEqualTo(1);
    // Built beside the start's merge, not on the webhook's path.
    assertThat(service.merges.memosBuiltByWriter).isZero();
  }

  @Test
  void aRefreshThatOnlyReDatesMostEntriesReMergesTheChangedOnesAndReDatesTheRest() {
    GeneratedCatalog generated = new GeneratedCatalog(8);
    CatalogState state = generated.state(2_000);
    MutableClock clock = MutableClock.atEpochSeconds(1_700_000_000);
    CatalogMerger merger = new CatalogMerger(GeneratedCatalog.PRIORITIES, List.of());
    CatalogService service = new CatalogService(state, merger, null, clock);
    List<Listing> listed = new ArrayList<>();
    state.entriesOf("together").values().stream()
        .filter(SourceEntry::isVisible)
        .forEach(e -> listed.add(e.listing()));
    listed.set(3, generated.repriced(listed.get(3)));
    clock.advance(Duration.ofHours(1));

    CatalogService.Applied applied =
        service.update(s -> CatalogUpdates.refresh(s, "together", listed, clock.millis()));

    assertThat(service.merges.remergedChanges).isEqualTo(1);
    assertThat(applied.change().touched()).isNotEmpty().hasSizeLessThan(10);
    CatalogMerger.Merged full = merger.merged(service.state());
    Catalog expected = Catalog.of(full.models(), service.state().retired(), full.lastModified());
    assertSameCatalog(service.current(), expected, "after the refresh");
    assertThat(service.current().lastModified(expected.models().get(0).id()))
        .isEqualTo(expected.lastModified(expected.models().get(0).id()));
  }

  @Test
  void aPriceChangeRebuildsOnlyItsModelWhenAThousandModelsShareItsName() {
    // One seller's listings of one name under a thousand developers: a model each, all holding the
    // name's key. Walking shared keys, a change of any of them reached all (past the 10% a re-merge
    // takes, so the whole catalog was merged again); a price change moves no listing.
    List<Listing> listings = new ArrayList<>();
    for (int k = 0; k < 1_000; k++) {
      listings.add(
          Listing.builder("org-" + k + "/chat-model-7b-v2")
              .name("Chat Model 7B v2")
              .pricing(new Pricing(BigDecimal.ONE, BigDecimal.TEN))
              .build());
    }
    CatalogState state =
        CatalogUpdates.refresh(CatalogState.empty(), "together", listings, 1).state();
    CatalogMerger merger = new CatalogMerger(GeneratedCatalog.PRIORITIES, List.of());
    MutableClock clock = MutableClock.atEpochSeconds(1_700_000_000);
    CatalogService service = new CatalogService(state, merger, null, clock);
    assertThat(service.current().models()).hasSize(1_000);
    Listing repriced = new GeneratedCatalog(9).repriced(listings.get(500));

    CatalogService.Applied applied =
        service.update(
            s -> CatalogUpdates.upsert(s, "together", List.of(repriced), clock.millis()));

    assertThat(service.merges.remergedChanges).isEqualTo(1);
    assertThat(applied.change().touched()).containsExactly("org-500/chat-model-7b-v2");
    assertThat(service.current().find("org-500/chat-model-7b-v2").orElseThrow().offers())
        .extracting(Offer::pricing)
        .containsExactly(repriced.pricing());
    CatalogMerger.Merged full = merger.merged(service.state());
    assertSameCatalog(
        service.current(),
        Catalog.of(full.models(), service.state().retired(), full.lastModified()),
        "after the price change");
  }

  /** A service over a generated catalog, and a change repricing every model of one gateway. */
  private static CatalogService afterRepricingAllOfOpenRouter(GeneratedCatalog generated) {
    CatalogState state = generated.state(400);
    CatalogService service =
        new CatalogService(
            state,
            new CatalogMerger(GeneratedCatalog.PRIORITIES, List.of()),
            null,
            MutableClock.atEpochSeconds(1_700_000_000));
    List<Listing> repriced = new ArrayList<>();
    state
        .entriesOf("openrouter")
        .values()
        .forEach(e -> repriced.add(generated.repriced(e.listing())));
    service.update(s -> CatalogUpdates.refresh(s, "openrouter", repriced, 2));
    return service;
  }

  @Test
  void changesTouchingEveryModelTakeTheFullMerge() {
    CatalogService service = afterRepricingAllOfOpenRouter(new GeneratedCatalog(4));

    assertThat(service.merges.remergedChanges).isZero();
    assertThat(service.current().models())
        .isEqualTo(
            new CatalogMerger(GeneratedCatalog.PRIORITIES, List.of()).merge(service.state()));
  }

  @Test
  void theSmallChangeAfterAWholeMergeFindsTheMemoBuiltBesideIt() {
    GeneratedCatalog generated = new GeneratedCatalog(4);
    CatalogService service = afterRepricingAllOfOpenRouter(generated);
    assertThat(service.merges.remergedChanges).as("the wide change").isZero();
    Listing one = service.state().entriesOf("together").values().iterator().next().listing();

    service.update(s -> CatalogUpdates.upsert(s, "together", List.of(generated.repriced(one)), 3));

    assertThat(service.merges.remergedChanges).isEqualTo(1);
    // Built beside the whole merge of the wide change, not on the next change's path.
    assertThat(service.merges.memosBuiltByWriter).isZero();
  }
}
