package com.gatewayz.modelpages.catalog;

import static com.gatewayz.modelpages.catalog.CatalogMergerTest.listing;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogUpdatesTest {

  private static final Listing A = listing("x/a", null, "0.000001", "0.000002");
  private static final Listing B = listing("x/b", null, "0.000001", "0.000002");
  private static final Listing B_CHEAPER = listing("x/b", null, "0.0000005", "0.000002");

  @Test
  void aRefreshReportsAddedChangedAndUnchanged() {
    CatalogState state = CatalogUpdates.refresh(CatalogState.empty(), "g", List.of(A, B), 100).state();

    CatalogUpdates.Outcome again = CatalogUpdates.refresh(state, "g", List.of(A, B), 200);
    CatalogUpdates.Outcome cheaper = CatalogUpdates.refresh(state, "g", List.of(A, B_CHEAPER), 200);

    assertThat(again.appliedAnything()).isFalse();
    assertThat(cheaper.changed()).containsExactly("x/b");
    assertThat(cheaper.added()).isEmpty();
  }

  @Test
  void aModelIsDroppedOnlyAfterTwoConsecutiveRefreshesWithoutIt() {
    CatalogState state = CatalogUpdates.refresh(CatalogState.empty(), "g", List.of(A, B), 100).state();

    CatalogUpdates.Outcome firstMiss = CatalogUpdates.refresh(state, "g", List.of(A), 200);
    CatalogUpdates.Outcome backAgain = CatalogUpdates.refresh(firstMiss.state(), "g", List.of(A, B), 300);
    CatalogUpdates.Outcome secondMiss =
        CatalogUpdates.refresh(CatalogUpdates.refresh(backAgain.state(), "g", List.of(A), 400).state(), "g", List.of(A), 500);

    assertThat(firstMiss.removed()).isEmpty();
    assertThat(firstMiss.state().entriesOf("g").get("x/b").isVisible()).isTrue();
    assertThat(backAgain.state().entriesOf("g").get("x/b").misses()).isZero();
    assertThat(secondMiss.removed()).containsExactly("x/b");
  }

  @Test
  void aWebhookEventOlderThanWhatWasAppliedIsStale() {
    CatalogState state = CatalogUpdates.upsert(CatalogState.empty(), "g", List.of(A), 1_000).state();

    CatalogUpdates.Outcome older = CatalogUpdates.upsert(state, "g", List.of(listing("x/a", null, "9", "9")), 999);
    CatalogUpdates.Outcome olderRemoval = CatalogUpdates.remove(state, "g", List.of("x/a"), 999);

    assertThat(older.stale()).containsExactly("x/a");
    assertThat(older.state()).isEqualTo(state);
    assertThat(olderRemoval.stale()).containsExactly("x/a");
  }

  @Test
  void aRefreshFetchedBeforeAWebhookDoesNotUndoIt() {
    CatalogState state = CatalogUpdates.refresh(CatalogState.empty(), "g", List.of(A, B), 100).state();
    state = CatalogUpdates.upsert(state, "g", List.of(B_CHEAPER), 300).state();

    CatalogUpdates.Outcome olderRefresh = CatalogUpdates.refresh(state, "g", List.of(A, B), 200);
    CatalogUpdates.Outcome olderMisses = CatalogUpdates.refresh(CatalogUpdates.refresh(state, "g", List.of(A), 200).state(), "g", List.of(A), 250);

    assertThat(olderRefresh.state().entriesOf("g").get("x/b").listing()).isEqualTo(B_CHEAPER);
    assertThat(olderMisses.removed()).isEmpty();
  }

  @Test
  void aModelRemovedByWebhookStaysRemovedUntilItsListingChangesOrAWebhookAddsIt() {
    CatalogState state = CatalogUpdates.refresh(CatalogState.empty(), "g", List.of(A, B), 100).state();
    CatalogUpdates.Outcome removal = CatalogUpdates.remove(state, "g", List.of("x/b"), 200);

    CatalogUpdates.Outcome sameListing = CatalogUpdates.refresh(removal.state(), "g", List.of(A, B), 300);
    CatalogUpdates.Outcome changedListing = CatalogUpdates.refresh(removal.state(), "g", List.of(A, B_CHEAPER), 300);
    CatalogUpdates.Outcome readded = CatalogUpdates.upsert(removal.state(), "g", List.of(B), 300);

    assertThat(removal.removed()).containsExactly("x/b");
    assertThat(sameListing.state().entriesOf("g").get("x/b").isVisible()).isFalse();
    assertThat(changedListing.added()).containsExactly("x/b");
    assertThat(readded.added()).containsExactly("x/b");
  }
}
