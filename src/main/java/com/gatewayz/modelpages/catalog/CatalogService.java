package com.gatewayz.modelpages.catalog;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Holds the catalog state and the merged catalog. Readers call {@link #current()} and never lock.
 * Writers are serialised: a change builds a new state, merges it, stores it durably, swaps state
 * and catalog in one atomic step, releases the writer lock, then tells the listeners (purges, live
 * feed) before returning — so when an update returns, its change is on disk and visible, and the
 * pages it touched are purged, while a slow listener never holds up another writer.
 */
public final class CatalogService {

  /** A state and its catalog; {@code change} from the previous one when a re-merge knows it. */
  private record Snapshot(CatalogState state, Catalog catalog, CatalogChange change) {
    Snapshot(CatalogState state, Catalog catalog) {
      this(state, catalog, null);
    }
  }

  /**
   * What an update did: the gateway-level outcome and the catalog-level change.
   *
   * @param told false when a listener failed on a change this update swapped in (its pages may not
   *     be purged): the change is stored and visible all the same, so the caller must not apply it
   *     again, but may have to purge for it
   */
  public record Applied(CatalogUpdates.Outcome outcome, CatalogChange change, boolean told) {

    Applied(CatalogUpdates.Outcome outcome, CatalogChange change) {
      this(outcome, change, true);
    }

    private Applied untold() {
      return new Applied(outcome, change, false);
    }
  }

  /** What an action under the writer lock returned, and whether every listener took its changes. */
  private record Locked<T>(T value, boolean told) {}

  private static final int MAX_PUBLISH_ATTEMPTS = 10;

  private static final Logger LOG = Logger.getLogger(CatalogService.class.getName());

  private final AtomicReference<Snapshot> current;
  private final CatalogMerger merger;
  private final CatalogStore store;
  private final Clock clock;
  private final List<CatalogListener> listeners = new CopyOnWriteArrayList<>();
  private final Object writeLock = new Object();
  // Changes swapped in by the writer lock's current holder, told once it released the lock.
  private final List<CatalogChange> untold = new ArrayList<>();
  private volatile CatalogReplica replica = CatalogReplica.NONE;
  private volatile long replicaVersion = -1;
  // The merge of the current state kept for small changes; built at the first one (writer lock).
  private IncrementalMerge incremental;
  private final ExpiredTombstones tombstones = new ExpiredTombstones();
  // Tests compare both paths; counts the changes re-merged incrementally and the memos built.
  boolean remergeSmallChanges = true;
  int remergedChanges;
  int memosBuilt;

  /**
   * @param store where every change is written before it becomes visible; null keeps it in memory
   */
  public CatalogService(
      CatalogState initial, CatalogMerger merger, CatalogStore store, Clock clock) {
    this.merger = merger;
    this.store = store;
    this.clock = clock;
    CatalogMerger.Merged merged = merger.merged(initial);
    this.current =
        new AtomicReference<>(
            new Snapshot(
                initial, Catalog.of(merged.models(), initial.retired(), merged.lastModified())));
  }

  /** A catalog of fixed models in memory: for tests and tools. */
  public static CatalogService of(List<Model> models, Clock clock) {
    return new CatalogService(
        CatalogState.seededFrom(models), new CatalogMerger(Map.of(), models), null, clock);
  }

  /** The current catalog; in a cluster, first catches up with another node's newer change. */
  public Catalog current() {
    if (replica.isShared() && isBehind(replica.version())) {
      underWriteLock(
          () -> {
            pullLocked();
            return null;
          });
    }
    return current.get().catalog();
  }

  // Another node published, or the cluster restarted empty (its version went back).
  private boolean isBehind(long sharedVersion) {
    return sharedVersion >= 0 && sharedVersion != replicaVersion;
  }

  /**
   * Shares the catalog with the other nodes of a cluster: adopts the shared state when there is
   * one, else publishes this node's.
   */
  public void joinReplica(CatalogReplica shared) {
    underWriteLock(
        () -> {
          replica = shared;
          replicaVersion = 0;
          if (shared.version() == 0 && shared.publish(0, state())) {
            replicaVersion = 1;
          } else {
            pullLocked();
          }
          return null;
        });
  }

  // Adopts the shared state when it is newer: stored, swapped, announced as another node's change.
  private void pullLocked() {
    long version = replica.version();
    if (version < 0) {
      return;
    }
    if (version < replicaVersion) {
      // The cluster restarted empty: adopt what was published since, or publish afresh next time.
      replicaVersion = 0;
    }
    Optional<CatalogReplica.Replicated> shared = replica.read();
    if (shared.isEmpty() || shared.get().version() <= replicaVersion) {
      return;
    }
    Snapshot before = current.get();
    CatalogState next = shared.get().state();
    CatalogMerger.Merged merged = merger.merged(next);
    Catalog after = Catalog.of(merged.models(), next.retired(), merged.lastModified());
    if (store != null) {
      store.save(next);
    }
    current.set(new Snapshot(next, after));
    replicaVersion = shared.get().version();
    untold.add(CatalogChange.between(before.catalog(), after).asRemote());
  }

  public CatalogState state() {
    return current.get().state();
  }

  public void addListener(CatalogListener listener) {
    listeners.add(listener);
  }

  /**
   * Applies {@code change} to the current state. When the state changed: forget expired tombstones,
   * merge, store durably, swap, notify listeners, all before returning. A failed store applies
   * nothing.
   */
  public Applied update(Function<CatalogState, CatalogUpdates.Outcome> change) {
    Locked<Applied> locked =
        underWriteLock(
            () -> {
              for (int attempt = 1; attempt <= MAX_PUBLISH_ATTEMPTS; attempt++) {
                Optional<Applied> applied = tryUpdate(change);
                if (applied.isPresent()) {
                  return applied.get();
                }
              }
              throw new CatalogUnavailableException(
                  "the shared catalog kept changing under this update; try again");
            });
    return locked.told() ? locked.value() : locked.value().untold();
  }

  /**
   * Runs {@code action} holding the writer lock, then tells the listeners, lock released, of every
   * change it swapped in (even when it then failed: those changes are stored and visible).
   */
  private <T> Locked<T> underWriteLock(Supplier<T> action) {
    List<CatalogChange> changes = new ArrayList<>();
    T value;
    boolean told;
    try {
      synchronized (writeLock) {
        try {
          value = action.get();
        } finally {
          changes.addAll(untold);
          untold.clear();
        }
      }
    } finally {
      told = true;
      for (CatalogChange change : changes) {
        // Another node's change pulled on the way is not this update's to answer for.
        told &= notifyListeners(change) || change.remote();
      }
    }
    return new Locked<>(value, told);
  }

  // One attempt; empty when another node published first (this node then pulls and retries).
  private Optional<Applied> tryUpdate(Function<CatalogState, CatalogUpdates.Outcome> change) {
    if (replica.isShared()) {
      if (replica.version() < 0) {
        throw new CatalogUnavailableException(
            "the cluster's shared catalog cannot be reached; the change is refused so no node loses it");
      }
      pullLocked();
    }
    Snapshot before = current.get();
    CatalogUpdates.Outcome outcome = Objects.requireNonNull(change.apply(before.state()));
    if (outcome.state().equals(before.state())) {
      return Optional.of(
          new Applied(outcome, CatalogChange.between(before.catalog(), before.catalog())));
    }
    CatalogState forgotten = tombstones.forget(outcome.state(), clock.millis());
    Snapshot next = remerged(before, forgotten, outcome).orElseGet(() -> merged(before, forgotten));
    CatalogChange catalogChange =
        next.change() != null
            ? next.change()
            : CatalogChange.between(before.catalog(), next.catalog());
    if (store != null) {
      store.save(next.state());
    }
    // Published before it is visible or purged: another node serving after our purge has it.
    if (replica.isShared()) {
      if (!replica.publish(replicaVersion, next.state())) {
        return Optional.empty();
      }
      replicaVersion++;
    }
    current.set(new Snapshot(next.state(), next.catalog()));
    untold.add(catalogChange);
    return Optional.of(new Applied(outcome, catalogChange));
  }

  // The whole merge of the state a change made, its pins kept, its models retired.
  private Snapshot merged(Snapshot before, CatalogState changed) {
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
    return new Snapshot(next, Catalog.of(merged.models(), next.retired(), merged.lastModified()));
  }

  // A small change re-merges only the models it can touch (IncrementalMerge); empty when it cannot.
  private Optional<Snapshot> remerged(
      Snapshot before, CatalogState next, CatalogUpdates.Outcome outcome) {
    int touched = outcome.added().size() + outcome.changed().size() + outcome.removed().size();
    if (!remergeSmallChanges || touched > RemergeScope.maxChanged(before.catalog().size())) {
      incremental = null;
      return Optional.empty();
    }
    boolean kept = incremental != null && incremental.describes(before.state());
    // A kept memo declines a wide change itself; building one for it would be wasted.
    int limit = RemergeScope.maxChanged(before.catalog().size());
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
    }
    remerged.ifPresent(r -> remergedChanges++);
    Optional<Snapshot> snapshot = remerged.map(r -> snapshotOf(before, next, r));
    // The memo follows the state swapped in (retired models set), so the next change reuses it.
    snapshot.ifPresent(s -> incremental.follow(s.state()));
    return snapshot;
  }

  private static Snapshot snapshotOf(
      Snapshot before, CatalogState next, IncrementalMerge.Remerged remerged) {
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
    return new Snapshot(state, catalog, CatalogChange.among(before.catalog(), catalog, ids));
  }

  // True when every listener took the change.
  private boolean notifyListeners(CatalogChange change) {
    boolean told = true;
    if (!change.isEmpty()) {
      for (CatalogListener listener : listeners) {
        told &= tell(listener, change);
      }
    }
    return told;
  }

  // The change is stored and visible: a failing listener must not make the caller apply it again
  // (Applied#told says it failed).
  private static boolean tell(CatalogListener listener, CatalogChange change) {
    try {
      listener.catalogChanged(change);
      return true;
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "[Catalog] a listener failed on a catalog change", e);
      return false;
    }
  }
}
