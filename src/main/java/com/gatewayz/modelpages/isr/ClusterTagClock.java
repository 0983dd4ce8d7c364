package com.gatewayz.modelpages.isr;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import java.util.function.Supplier;
import org.ehcache.Cache;

/**
 * The tag clock of a cluster: the tick is a counter in the clustered tier (never a wall clock) and
 * every purge appends its names to a purge log there, under its tick. Each node mirrors the log in
 * memory, so validity checks stay local; it catches up whenever the cluster's tick moved, which it
 * reads (from its heap tier, invalidated synchronously by the strong consistency) on every check.
 * A purge has reached every node when it returns. A log entry a node cannot find (expired, lost in
 * a server restart) invalidates everything before it: conservative, never stale.
 */
final class ClusterTagClock implements TagClock {

  static final String TICK = "tick";
  static final int LOG_RETENTION = 10_000;
  private static final String EVERYTHING = "*";
  private static final Logger LOG = Logger.getLogger(ClusterTagClock.class.getName());

  private final Counters counters;
  private final Supplier<Cache<String, String>> log;
  private final ClusterGuard guard;
  private final int maxStamps;
  private final Map<String, Long> stamps = new ConcurrentHashMap<>();
  private final Set<String> pending = new LinkedHashSet<>();
  private final AtomicLong outageVersion = new AtomicLong();
  private volatile long syncedTick;
  private volatile long lowWater;
  private boolean resetReported;

  ClusterTagClock(Counters counters, Supplier<Cache<String, String>> log, ClusterGuard guard, int maxStamps) {
    this.counters = counters;
    this.log = log;
    this.guard = guard;
    this.maxStamps = maxStamps;
    // A node joining starts where the log starts: anything older is invalid to it.
    guard.run(() -> counters.raise(TICK, 0));
    long tick = guard.call(() -> currentClusterTick(), () -> 0L);
    syncedTick = Math.max(0, tick - LOG_RETENTION);
    lowWater = syncedTick;
    sync();
  }

  private long currentClusterTick() {
    Long tick = counters.get(TICK);
    return tick == null ? 0 : tick;
  }

  @Override
  public long currentTick() {
    sync();
    return syncedTick;
  }

  @Override
  public long version() {
    if (guard.isAvailable() && sync() && guard.isAvailable()) {
      return syncedTick;
    }
    // Never equal to a memo: while the cluster is lost nothing counts as validated.
    return -outageVersion.incrementAndGet();
  }

  @Override
  public boolean isAvailable() {
    return guard.isAvailable();
  }

  /** Brings the local mirror up to the cluster's tick; false when the cluster could not be read. */
  private boolean sync() {
    Long clusterTick = guard.call(() -> counters.get(TICK), () -> -1L);
    if (clusterTick != null && clusterTick < 0) {
      return false;
    }
    // Ticks only grow: a missing or smaller tick means the server restarted empty.
    if (clusterTick == null || clusterTick < syncedTick) {
      reset();
    } else if (clusterTick > syncedTick) {
      catchUp(clusterTick);
    }
    return true;
  }

  private synchronized void catchUp(long clusterTick) {
    resetReported = false;
    if (clusterTick - syncedTick > LOG_RETENTION) {
      invalidateBefore(clusterTick - LOG_RETENTION);
      syncedTick = clusterTick - LOG_RETENTION;
    }
    for (long tick = syncedTick + 1; tick <= clusterTick; tick++) {
      final long entryTick = tick;
      String entry = guard.call(() -> log.get().get(key(entryTick)), () -> null);
      if (entry == null && tick == clusterTick) {
        return; // that purge is still being written: the next check picks it up
      }
      apply(tick, entry);
      syncedTick = tick;
    }
    if (stamps.size() > maxStamps) {
      invalidateBefore(syncedTick - LOG_RETENTION / 2);
    }
  }

  private void apply(long tick, String entry) {
    if (entry == null || entry.equals(EVERYTHING)) {
      invalidateBefore(tick);
      return;
    }
    for (String name : entry.split("\n")) {
      stamps.merge(name, tick, Math::max);
    }
  }

  private void invalidateBefore(long tick) {
    lowWater = Math.max(lowWater, tick);
    stamps.values().removeIf(stamp -> stamp <= lowWater);
  }

  // The server restarted empty: continue the tick past what this node knew, and let nothing
  // rendered before count as valid.
  private synchronized void reset() {
    long next = syncedTick + 1;
    guard.run(() -> counters.raise(TICK, next));
    invalidateBefore(next);
    syncedTick = next;
    if (!resetReported) {
      resetReported = true;
      LOG.warning("[Cluster] the shared cache restarted empty; pages rendered before are rendered again");
    }
  }

  @Override
  public long stamp(Collection<String> names) {
    return append(String.join("\n", names), names);
  }

  @Override
  public long stampAll() {
    return append(EVERYTHING, List.of(EVERYTHING));
  }

  private long append(String entry, Collection<String> names) {
    sync(); // a restarted server must get its tick raised before this purge takes one
    Long tick =
        guard.call(
            () -> {
              long next = counters.increment(TICK);
              log.get().put(key(next), entry);
              log.get().remove(key(next - LOG_RETENTION));
              return next;
            },
            () -> null);
    if (tick == null) {
      remember(names);
      return syncedTick;
    }
    sync();
    return tick;
  }

  // Purges made while the cluster is lost are replayed when it is back.
  private synchronized void remember(Collection<String> names) {
    pending.addAll(names);
  }

  /** Replays the purges made while the cluster was lost; called before it counts as back. */
  synchronized void replayPending() {
    if (pending.isEmpty()) {
      return;
    }
    List<String> names = new ArrayList<>(pending);
    pending.clear();
    long next = counters.increment(TICK);
    log.get().put(key(next), names.size() > 1_000 || names.contains(EVERYTHING) ? EVERYTHING : String.join("\n", names));
  }

  @Override
  public boolean isValid(long renderTick, String[] tags, String path) {
    if (!guard.isAvailable() || renderTick < lowWater) {
      return false;
    }
    for (String tag : tags) {
      if (isStampedAfter(tag, renderTick)) {
        return false;
      }
    }
    return !isStampedAfter(path, renderTick);
  }

  private boolean isStampedAfter(String name, long renderTick) {
    Long stamp = stamps.get(name);
    return stamp != null && renderTick < stamp;
  }

  @Override
  public Revalidation purgedBy(long renderTick, String[] tags, String path) {
    return isStampedAfter(path, renderTick) ? Revalidation.PATH : Revalidation.TAG;
  }

  @Override
  public int stampCount() {
    return stamps.size();
  }

  private static String key(long tick) {
    return "p:" + tick;
  }
}
