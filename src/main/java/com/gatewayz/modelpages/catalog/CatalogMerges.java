package com.gatewayz.modelpages.catalog;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the state a change made into the next snapshot: expired tombstones forgotten, then the
 * re-merge of only the models a small change can touch (a kept {@link IncrementalMerge}) or else
 * the whole merge, pins kept and models retired either way. Owns the memo and the tombstone index;
 * only the catalog service's writer calls it (not thread-safe).
 */
final class CatalogMerges {

  private final CatalogMerger merger;
  private final Clock clock;
  private final ExpiredTombstones tombstones = new ExpiredTombstones();
  // The merge of the current state kept for small changes; built at the first one.
  private IncrementalMerge incremental;
  // Tests compare both paths; counts the changes re-merged incrementally and the memos built.
  boolean remergeSmallChanges = true;
  int remergedChanges;
  int memosBuilt;

  CatalogMerges(CatalogMerger merger, Clock clock) {
    this.merger = merger;
    this.clock = clock;
  }

  /** The whole merge of {@code state} as it is: the first state, or one another node published. */
  CatalogSnapshot whole(CatalogState state) {
    CatalogMerger.Merged merged = merger.merged(state);
    return new CatalogSnapshot(
        state, Catalog.of(merged.models(), state.retired(), merged.lastModified()));
  }

  /** The snapshot after {@code before} once {@code outcome} changed its state. */
  CatalogSnapshot next(CatalogSnapshot before, CatalogUpdates.Outcome outcome) {
    CatalogState forgotten = tombstones.forget(outcome.state(), clock.millis());
    return remerged(before, forgotten, outcome).orElseGet(() -> merged(before, forgotten));
  }

  // The whole merge of the state a change made, its pins kept, its models retired.
  private CatalogSnapshot merged(CatalogSnapshot before, CatalogState changed) {
    CatalogState next = changed;
    CatalogMerger.Merged merged = merger.merged(next);
    Map<String, String> pins = CanonicalIds.pinned(before.catalog(), merged.models());
    if (!pins.equals(next.canonicalIds())) {
      next = next.withCanonicalIds(pins);
      merged = merger.merged(next);
    }
    next =
        next.withRetired(
            Retirements.after(
                before.catalog(), before.state().retired(), merged.models(), clock.millis()));
    return new CatalogSnapshot(
        next, Catalog.of(merged.models(), next.retired(), merged.lastModified()));
  }

  // A small change re-merges only the models it can touch (IncrementalMerge); empty when it cannot.
  private Optional<CatalogSnapshot> remerged(
      CatalogSnapshot before, CatalogState next, CatalogUpdates.Outcome outcome) {
    int touched = outcome.added().size() + outcome.changed().size() + outcome.removed().size();
    int limit = RemergeScope.maxChanged(before.catalog().size());
    if (!remergeSmallChanges || touched > limit) {
      incremental = null;
      return Optional.empty();
    }
    boolean kept = incremental != null && incremental.describes(before.state());
    // A kept memo declines a wide change itself; building one for it would be wasted.
    if (!kept && RemergeScope.changedEntries(before.state(), next, limit) > limit) {
      incremental = null; // a refresh re-dating every entry: the full merge, and no memo kept
      return Optional.empty();
    }
    if (!kept) {
      incremental = IncrementalMerge.of(merger, before.state(), before.catalog()).orElse(null);
      memosBuilt++;
    }
    Optional<IncrementalMerge.Remerged> remerged =
        incremental == null ? Optional.empty() : incremental.remerge(next, before.catalog());
    if (remerged.isEmpty()) {
      incremental = null;
      return Optional.empty();
    }
    remergedChanges++;
    CatalogSnapshot snapshot = snapshotOf(before, next, remerged.get());
    // The memo follows the state swapped in (retired models set), so the next change reuses it.
    incremental.follow(snapshot.state());
    return Optional.of(snapshot);
  }

  private static CatalogSnapshot snapshotOf(
      CatalogSnapshot before, CatalogState next, IncrementalMerge.Remerged remerged) {
    Map<String, RetiredModel> retired =
        Retirements.withoutReturned(before.state().retired(), remerged.newModels());
    CatalogState state = next.withRetired(retired);
    Catalog catalog =
        Catalog.patched(
            before.catalog(),
            remerged.models(),
            remerged.oldIds(),
            remerged.newModels(),
            state.retired(),
            remerged.lastModified());
    List<String> ids = new ArrayList<>();
    remerged.newModels().forEach(model -> ids.add(model.id()));
    return new CatalogSnapshot(state, catalog, CatalogChange.among(before.catalog(), catalog, ids));
  }
}
