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

  private final AtomicReference<CatalogSnapshot> current;
  // Package-private: tests compare its two paths and count them.
  final CatalogMerges merges;
  private final CatalogStore store;
  private final List<CatalogListener> listeners = new CopyOnWriteArrayList<>();
  private final Object writeLock = new Object();
  // Changes swapped in by the writer lock's current holder, told once it released the lock.
  private final List<CatalogChange> untold = new ArrayList<>();
  private volatile CatalogReplica replica = CatalogReplica.NONE;
  private volatile long replicaVersion = -1;

  /**
   * @param store where every change is written before it becomes visible; null keeps it in memory
   */
  public CatalogService(
      CatalogState initial, CatalogMerger merger, CatalogStore store, Clock clock) {
    this.store = store;
    this.merges = new CatalogMerges(merger, clock);
    this.current = new AtomicReference<>(merges.whole(initial));
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
    CatalogSnapshot before = current.get();
    CatalogSnapshot after = merges.whole(shared.get().state());
    if (store != null) {
      store.save(after.state());
    }
    current.set(after);
    replicaVersion = shared.get().version();
    untold.add(after.changeFrom(before).asRemote());
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
    CatalogSnapshot before = current.get();
    CatalogUpdates.Outcome outcome = Objects.requireNonNull(change.apply(before.state()));
    if (outcome.state().equals(before.state())) {
      return Optional.of(
          new Applied(outcome, CatalogChange.between(before.catalog(), before.catalog())));
    }
    CatalogSnapshot next = merges.next(before, outcome);
    CatalogChange catalogChange = next.changeFrom(before);
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
    current.set(new CatalogSnapshot(next.state(), next.catalog()));
    untold.add(catalogChange);
    return Optional.of(new Applied(outcome, catalogChange));
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
