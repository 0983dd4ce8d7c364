package com.gatewayz.modelpages.catalog;

import static com.gatewayz.modelpages.catalog.CatalogMergerTest.listing;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogUpdatesTest {

  private static final Listing A = listing("x/a", null, "0.000001", "0.000002");
  private static final Listing B = listing("x/b", null, "0.000001", "0.000002");
  private static final Listing B_CHEAPER = listing("x/b", null, "0.0000005", "0.000002");

  @Test
  void aRefreshReportsAddedChangedAndUnchanged() {
    CatalogState state =
        CatalogUpdates.refresh(CatalogState.empty(), "g", List.of(A, B), 100).state();

    CatalogUpdates.Outcome again = CatalogUpdates.refresh(state, "g", List.of(A, B), 200);
    CatalogUpdates.Outcome cheaper = CatalogUpdates.refresh(state, "g", List.of(A, B_CHEAPER), 200);

    assertThat(again.appliedAnything()).isFalse();
    assertThat(cheaper.changed()).containsExactly("x/b");
    assertThat(cheaper.added()).isEmpty();
  }

  @Test
  void aModelIsDroppedOnlyAfterTwoConsecutiveRefreshesWithoutIt() {
    CatalogState state =
        CatalogUpdates.refresh(CatalogState.empty(), "g", List.of(A, B), 100).state();

    CatalogUpdates.Outcome firstMiss = CatalogUpdates.refresh(state, "g", List.of(A), 200);
    CatalogUpdates.Outcome backAgain =
        CatalogUpdates.refresh(firstMiss.state(), "g", List.of(A, B), 300);
    CatalogUpdates.Outcome secondMiss =
        CatalogUpdates.refresh(
            CatalogUpdates.refresh(backAgain.state(), "g", List.of(A), 400).state(),
            "g",
            List.of(A),
            500);

    assertThat(firstMiss.removed()).isEmpty();
    assertThat(firstMiss.state().entriesOf("g").get("x/b").isVisible()).isTrue();
    assertThat(backAgain.state().entriesOf("g").get("x/b").misses()).isZero();
    assertThat(secondMiss.removed()).containsExactly("x/b");
  }

  @Test
  void aWebhookEventOlderThanWhatWasAppliedIsStale() {
    CatalogState state =
        CatalogUpdates.upsert(CatalogState.empty(), "g", List.of(A), 1_000).state();

    CatalogUpdates.Outcome older =
        CatalogUpdates.upsert(state, "g", List.of(listing("x/a", null, "9", "9")), 999);
    CatalogUpdates.Outcome olderRemoval = CatalogUpdates.remove(state, "g", List.of("x/a"), 999);

    assertThat(older.stale()).containsExactly("x/a");
    assertThat(older.state()).isEqualTo(state);
    assertThat(olderRemoval.stale()).containsExactly("x/a");
  }

  @Test
  void aRefreshFetchedBeforeAWebhookDoesNotUndoIt() {
    CatalogState state =
        CatalogUpdates.refresh(CatalogState.empty(), "g", List.of(A, B), 100).state();
    state = CatalogUpdates.upsert(state, "g", List.of(B_CHEAPER), 300).state();

    CatalogUpdates.Outcome olderRefresh = CatalogUpdates.refresh(state, "g", List.of(A, B), 200);
    CatalogUpdates.Outcome olderMisses =
        CatalogUpdates.refresh(
            CatalogUpdates.refresh(state, "g", List.of(A), 200).state(), "g", List.of(A), 250);

    assertThat(olderRefresh.state().entriesOf("g").get("x/b").listing()).isEqualTo(B_CHEAPER);
    assertThat(olderMisses.removed()).isEmpty();
  }

  @Test
  void aModelRemovedByWebhookStaysRemovedUntilItsListingChangesOrAWebhookAddsIt() {
    CatalogState state =
        CatalogUpdates.refresh(CatalogState.empty(), "g", List.of(A, B), 100).state();
    CatalogUpdates.Outcome removal = CatalogUpdates.remove(state, "g", List.of("x/b"), 200);

    CatalogUpdates.Outcome sameListing =
        CatalogUpdates.refresh(removal.state(), "g", List.of(A, B), 300);
    CatalogUpdates.Outcome changedListing =
        CatalogUpdates.refresh(removal.state(), "g", List.of(A, B_CHEAPER), 300);
    CatalogUpdates.Outcome readded = CatalogUpdates.upsert(removal.state(), "g", List.of(B), 300);

    assertThat(removal.removed()).containsExactly("x/b");
    assertThat(sameListing.state().entriesOf("g").get("x/b").isVisible()).isFalse();
    assertThat(changedListing.added()).containsExactly("x/b");
    assertThat(readded.added()).containsExactly("x/b");
  }

  @Test
  void aModelTheRefreshesDroppedKeepsATombstoneSoAnOlderAddReplayedLaterIsStale() {
    CatalogState state =
        CatalogUpdates.refresh(CatalogState.empty(), "g", List.of(A, B), 100).state();
    state = CatalogUpdates.refresh(state, "g", List.of(A), 200).state();
    CatalogUpdates.Outcome dropped = CatalogUpdates.refresh(state, "g", List.of(A), 300);

    CatalogUpdates.Outcome replayed = CatalogUpdates.upsert(dropped.state(), "g", List.of(B), 250);
    CatalogUpdates.Outcome newer = CatalogUpdates.upsert(dropped.state(), "g", List.of(B), 301);
    CatalogUpdates.Outcome listedAgain =
        CatalogUpdates.refresh(dropped.state(), "g", List.of(A, B), 400);

    assertThat(dropped.removed()).containsExactly("x/b");
    assertThat(dropped.state().entriesOf("g").get("x/b")).isEqualTo(SourceEntry.dropped(300));
    assertThat(replayed.stale()).containsExactly("x/b");
    assertThat(replayed.state()).isEqualTo(dropped.state());
    assertThat(newer.added()).containsExactly("x/b");
    assertThat(listedAgain.added()).containsExactly("x/b");
  }

  @Test
  void onEqualTimestampsRemovalWins() {
    CatalogState removed =
        CatalogUpdates.remove(CatalogState.empty(), "g", List.of("x/a"), 1_000).state();
    CatalogState added =
        CatalogUpdates.upsert(CatalogState.empty(), "g", List.of(A), 1_000).state();

    CatalogUpdates.Outcome addAfterRemove = CatalogUpdates.upsert(removed, "g", List.of(A), 1_000);
    CatalogUpdates.Outcome removeAfterAdd =
        CatalogUpdates.remove(added, "g", List.of("x/a"), 1_000);

    assertThat(addAfterRemove.stale()).containsExactly("x/a");
    assertThat(addAfterRemove.state().entriesOf("g").get("x/a").isVisible()).isFalse();
    assertThat(removeAfterAdd.removed()).containsExactly("x/a");
  }

  @Test
  void tombstonesAreForgottenAfterTheirTimeToLiveUnlessTheGatewayStillListsTheRemovedModel() {
    long ttl = CatalogUpdates.TOMBSTONE_TTL.toMillis();
    CatalogState state =
        CatalogUpdates.refresh(CatalogState.empty(), "g", List.of(A, B), 100).state();
    state = CatalogUpdates.remove(state, "g", List.of("x/a"), 200).state();
    state = CatalogUpdates.remove(state, "g", List.of("x/never"), 200).state();
    state = state.withEntries("h", java.util.Map.of("x/c", SourceEntry.dropped(200)));
    CatalogState listed = CatalogUpdates.refresh(state, "g", List.of(A, B), 300).state();
    CatalogState notListed = CatalogUpdates.refresh(listed, "g", List.of(B), 400).state();

    assertThat(CatalogUpdates.forgetExpired(state, 200 + ttl)).isEqualTo(state);
    CatalogState later = CatalogUpdates.forgetExpired(listed, 201 + ttl);
    assertThat(later.entriesOf("g")).containsOnlyKeys("x/a", "x/b");
    assertThat(later.entriesOf("h")).isEmpty();
    assertThat(CatalogUpdates.forgetExpired(notListed, 201 + ttl).entriesOf("g"))
        .containsOnlyKeys("x/b");
  }

  @Test
  void theTombstoneTimeToLiveOutlastsTheOldestAcceptedEvent() {
    assertThat(CatalogUpdates.TOMBSTONE_TTL).isGreaterThan(CatalogUpdates.MAX_EVENT_AGE);
  }

  @Test
  void aStatusReportOlderThanTheOneKeptIsStale() {
    CatalogState down = CatalogUpdates.status(CatalogState.empty(), "g", "down", 1_000).state();

    CatalogUpdates.Outcome older = CatalogUpdates.status(down, "g", "up", 999);
    CatalogUpdates.Outcome newer = CatalogUpdates.status(down, "g", "up", 1_001);

    assertThat(older.stale()).containsExactly("g");
    assertThat(older.state()).isEqualTo(down);
    assertThat(newer.state().gatewayStatus()).containsEntry("g", new ReportedStatus("up", 1_001));
  }

  @Test
  void aWebhookPriceChangeKeepsWhatOnlyTheGatewaysListingSaysSoTheModelStaysMerged() {
    Listing listed =
        Listing.builder("acme/widget-7b")
            .gatewayModelId("acme/widget-7b:beta")
            .canonicalSlug("acme/widget-7b-20260101")
            .name("Widget 7B")
            .pricing(Pricing.perToken("0.000001", "0.000002"))
            .huggingFaceId("acme/Widget-7B-Instruct")
            .build();
    // A models.dev provider serving the repo under its own id: joined only by the repo.
    Listing elsewhere =
        Listing.builder("acme/Widget-7B-Instruct")
            .gatewayModelId("acme/Widget-7B-Instruct")
            .name("Deploy 42")
            .pricing(Pricing.perToken("0.000003", "0.000004"))
            .provider("nebius")
            .build();
    CatalogState state =
        CatalogUpdates.refresh(CatalogState.empty(), "openrouter", List.of(listed), 1).state();
    state = CatalogUpdates.refresh(state, "models-dev", List.of(elsewhere), 1).state();
    CatalogMerger merger = new CatalogMerger(Map.of("openrouter", 1, "models-dev", 2), List.of());
    List<List<String>> groups = groups(merger.merge(state));
    // What a webhook's model can say: no gateway id, slug or repo.
    Listing said =
        Listing.builder("acme/widget-7b")
            .name("Widget 7B")
            .pricing(Pricing.perToken("0.0000005", "0.000002"))
            .build();

    CatalogState after = CatalogUpdates.upsert(state, "openrouter", List.of(said), 5).state();

    Listing kept = after.entriesOf("openrouter").get("acme/widget-7b").listing();
    assertThat(kept.pricing().prompt()).isEqualByComparingTo("0.0000005");
    assertThat(kept.huggingFaceId()).isEqualTo("acme/Widget-7B-Instruct");
    assertThat(kept.canonicalSlug()).isEqualTo("acme/widget-7b-20260101");
    assertThat(kept.gatewayModelId()).isEqualTo("acme/widget-7b:beta");
    assertThat(groups(merger.merge(after))).as("which listings each model joins").isEqualTo(groups);
  }

  private static List<List<String>> groups(List<Model> models) {
    return models.stream()
        .map(model -> model.offers().stream().map(Offer::listingId).sorted().toList())
        .toList();
  }

  @Test
  void aRefreshListingAModelUnchangedKeepsTheListingObjectItHeld() {
    CatalogState state =
        CatalogUpdates.refresh(CatalogState.empty(), "g", List.of(A, B), 1).state();
    Listing sameAsA = listing("x/a", null, "0.000001", "0.000002");

    CatalogState after = CatalogUpdates.refresh(state, "g", List.of(sameAsA, B_CHEAPER), 2).state();

    assertThat(after.entriesOf("g").get("x/a").listing()).isSameAs(A);
    assertThat(after.entriesOf("g").get("x/a").appliedAt()).isEqualTo(2);
    assertThat(after.entriesOf("g").get("x/b").listing()).isSameAs(B_CHEAPER);
  }
}
