package com.gatewayz.modelpages.catalog;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns the state a change made into the next snapshot: expired tombstones forgotten, then the
 * re-merge of only the models a small change can touch (a kept {@link IncrementalMerge}) or else
 * the whole merge, pins kept and models retired either way. Owns the memo and the tombstone index;
 * only the catalog service's writer calls it (not thread-safe). The whole merge of a state as it is
 * (the first state, one pulled from another node) builds the memo in the same pass. The memo of a
 * wide change's whole merge is built at once on a thread of its own, so the next small change finds
 * it ready instead of building it on a request's path.
 */
final class CatalogMerges {

  private static final Logger LOG = Logger.getLogger(CatalogMerges.class.getName());

  private final CatalogMerger merger;
  private final Clock clock;
  private final ExpiredTombstones tombstones = new ExpiredTombstones();
  // The merge of the current state kept for small changes; built at the first one.
  private IncrementalMerge incremental;
  // The memo of the last whole merge, being built off the writer's path; taken by the next change.
  private CompletableFuture<Optional<IncrementalMerge>> pending;
  // Tests compare both paths; count the changes re-merged incrementally, the memos built (in the
  // background or by the writer) and those the writer had to build on a change's path.
  boolean remergeSmallChanges = true;
  int remergedChanges;
  int memosBuilt;
  int memosBuiltByWriter;

  CatalogMerges(CatalogMerger merger, Clock clock) {
    this.merger = merger;
    this.clock = clock;
  }

  /** The whole merge of {@code state} as it is: the first state, or one another node published. */
  CatalogSnapshot whole(CatalogState state) {
    if (remergeSmallChanges) {
      Optional<IncrementalMerge.Whole> whole = IncrementalMerge.whole(merger, state);
      if (whole.isPresent()) {
        pending = null;
        incremental = whole.get().memo();
        memosBuilt++;
        return new CatalogSnapshot(state, whole.get().catalog());
      }
    }
    CatalogMerger.Merged merged = merger.merged(state);
    CatalogSnapshot snapshot =
        new CatalogSnapshot(
            state, Catalog.of(merged.models(), state.retired(), merged.lastModified()));
    buildMemoOf(snapshot);
    return snapshot;
  }

  private void buildMemoOf(CatalogSnapshot snapshot) {
    incremental = null;
    pending = CompletableFuture.supplyAsync(() -> memoOf(snapshot), CatalogMerges::onOwnThread);
  }

  private Optional<IncrementalMerge> memoOf(CatalogSnapshot snapshot) {
    return IncrementalMerge.of(merger, snapshot.state(), snapshot.catalog());
  }

  // A daemon thread per whole merge (at start, or a pull from another node): rare, short-lived.
  private static void onOwnThread(Runnable build) {
    Thread thread = new Thread(build, "catalog-memo");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * The memo built after the last whole merge (waiting for it), when it describes {@code state}.
   */
  private IncrementalMerge pendingMemoOf(CatalogState state) {
    CompletableFuture<Optional<IncrementalMerge>> built = pending;
    pending = null;
    if (built == null) {
      return null;
    }
    try {
      Optional<IncrementalMerge> memo = built.join();
      memosBuilt++;
      return memo.filter(m -> m.describes(state)).orElse(null);
    } catch (CompletionException e) {
      LOG.log(
          Level.WARNING, "[Catalog] building the merge memo failed; the next change builds it", e);
      return null;
    }
  }

  /** The snapshot after {@code before} once {@code outcome} changed its state. */
  CatalogSnapshot next(CatalogSnapshot before, CatalogUpdates.Outcome outcome) {
    CatalogState forgotten = tombstones.forget(outcome.state(), clock.millis());
    Optional<CatalogSnapshot> remerged = remerged(before, forgotten, outcome);
    if (remerged.isPresent()) {
      return remerged.get();
    }
    // A wide change (a refresh) or one the memo declined (an identity change): the memo of the
    // result is built off the writer's path, so the next small change does not build it (seconds
    // at 100,000 models).
    CatalogSnapshot merged = merged(before, forgotten);
    if (remergeSmallChanges) {
      buildMemoOf(merged);
    }
    return merged;
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
    if (incremental == null) {
      incremental = pendingMemoOf(before.state());
    }
    boolean kept = incremental != null && incremental.describes(before.state());
    // A kept memo declines a wide change itself; building one for it would be wasted.
    if (!kept && RemergeScope.changedListings(before.state(), next, limit) > limit) {
      incremental = null; // a change of many listings: the full merge, and no memo kept
      return Optional.empty();
    }
    if (!kept) {
      incremental = IncrementalMerge.of(merger, before.state(), before.catalog()).orElse(null);
      memosBuilt++;
      memosBuiltByWriter++;
    }
    Optional<Remerged> remerged =
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
      CatalogSnapshot before, CatalogState next, Remerged remerged) {
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
