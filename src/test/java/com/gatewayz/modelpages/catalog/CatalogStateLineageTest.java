package com.gatewayz.modelpages.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A state made by a change of entries knows which keys it set, and its diffs (journal line,
 * equality, changed-entry count) walk only those: they must say what a walk of the whole maps says.
 */
class CatalogStateLineageTest {

  private final GeneratedCatalog generated = new GeneratedCatalog(11);
  private final CatalogState before = generated.state(400);

  @Test
  void aChangeWalkedByItsKeysDiffsAsTheWholeMapsDo() throws Exception {
    List<Listing> listed = new ArrayList<>();
    before.entriesOf("together").values().stream()
        .filter(SourceEntry::isVisible)
        .forEach(e -> listed.add(e.listing()));
    listed.set(2, generated.repriced(listed.get(2)));
    listed.remove(5);
    listed.add(generated.listing(9_000));
    List<CatalogState> changed =
        List.of(
            CatalogUpdates.refresh(before, "together", listed, 10).state(),
            CatalogUpdates.upsert(before, "groq", List.of(generated.listing(9_001)), 10).state(),
            CatalogUpdates.remove(before, "together", List.of(listed.get(0).entryKey()), 10)
                .state(),
            CatalogUpdates.upsert(before, "newgateway", List.of(generated.listing(9_002)), 10)
                .state());

    for (CatalogState after : changed) {
      CatalogState walked = copy(after);
      // The line may list the entries in another order; replayed, it makes the same state.
      CatalogState replayed =
          CatalogJournal.apply(before, CatalogJournal.delta(before, after, 7), "l");
      assertThat(replayed).isEqualTo(walked);
      assertThat(replayed.sources()).isEqualTo(after.sources());
      for (String gateway : after.sources().keySet()) {
        assertThat(List.copyOf(replayed.entriesOf(gateway).keySet()))
            .isEqualTo(List.copyOf(after.entriesOf(gateway).keySet()));
      }
      assertThat(CatalogJournal.delta(before, after, 7).toString().length())
          .isEqualTo(CatalogJournal.delta(before, walked, 7).toString().length());
      assertThat(RemergeScope.changedEntries(before, after, 10_000))
          .isEqualTo(RemergeScope.changedEntries(before, walked, 10_000));
      assertThat(after.equals(before)).isFalse();
      assertThat(after).isEqualTo(walked);
    }
  }

  @Test
  void aChangeThatSetNothingNewIsEqualToItsParent() {
    Listing same = before.entriesOf("together").values().iterator().next().listing();
    long time = before.entriesOf("together").values().iterator().next().appliedAt();

    CatalogUpdates.Outcome stale =
        CatalogUpdates.upsert(before, "together", List.of(same), time - 1);

    assertThat(stale.stale()).hasSize(1);
    assertThat(stale.state()).isEqualTo(before);
    assertThat(CatalogJournal.delta(before, stale.state(), 1).keySet()).containsExactly("seq");
  }

  // The same state, built whole: no record of the keys its change set.
  private static CatalogState copy(CatalogState state) {
    return new CatalogState(
        state.sources(), state.retired(), state.gatewayStatus(), state.canonicalIds());
  }
}
