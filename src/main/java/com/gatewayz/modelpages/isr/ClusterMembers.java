package com.gatewayz.modelpages.isr;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.ehcache.Cache;

/**
 * The nodes of a cluster that must confirm a purge before it returns. The Terracotta server makes a
 * strong write wait for every node whose connection is open, but drops a node whose connection
 * closed (a reset) at once, and that node keeps trusting its heap tier until one of its own calls
 * fails. So every connection takes a slot on the server, and each node acknowledges every version
 * its heap tier shows ({@link #acknowledge}, every few milliseconds): a node that shows a version
 * got every invalidation before it. A purge returns once every other slot acknowledged its version,
 * or, for a slot that stays silent, once its node has certainly stopped trusting its heap tier: it
 * detaches after {@code detachAfter} without an answer, and its last answer came before the write
 * it missed. That slot is then marked gone; a node that finds its own slot gone detaches.
 *
 * <p>The slots live in the counters cache ({@code \0member:n} holds the last version the node
 * acknowledged, or {@link #GONE}); {@code \0members} counts the slots handed out and {@code
 * \0members-floor} is below every slot still in use.
 */
final class ClusterMembers {

  static final String COUNT = "\u0000members";
  static final String FLOOR = "\u0000members-floor";
  static final String SLOT = "\u0000member:";
  static final long GONE = Long.MIN_VALUE;

  private final Supplier<Cache<String, Long>> counterCache;
  private final ClusterGuard guard;
  private final LongSupplier nanoTime;
  private final long silenceNanos;
  private final Runnable pause;
  private volatile long slot;
  private volatile long slotEpoch;
  private volatile long acknowledged;

  /**
   * @param detachAfter how long a node goes without an answer before it stops trusting its heap
   *     tier; a purge waits that long, and a tenth more, for a node that does not confirm
   * @param pause what the purger does between two looks at the slots (a short park; tests move the
   *     clock instead)
   */
  ClusterMembers(
      Supplier<Cache<String, Long>> counterCache,
      ClusterGuard guard,
      Duration detachAfter,
      LongSupplier nanoTime,
      Runnable pause) {
    this.counterCache = counterCache;
    this.guard = guard;
    this.nanoTime = nanoTime;
    this.silenceNanos = detachAfter.toNanos() + detachAfter.toNanos() / 10 + 50_000_000L;
    this.pause = pause;
  }

  /**
   * Takes a slot on the connection behind {@code fresh}, acknowledging {@code version}, and marks
   * the slot of the connection it replaces gone (that one's heap tier is no longer read) when that
   * slot is on the same server: one that restarted empty ({@code epoch} changed) hands the numbers
   * out again. Throws when the server does not answer.
   */
  void join(Cache<String, Long> fresh, long version, long epoch) {
    Counters counters = new Counters(() -> fresh);
    long taken;
    do {
      taken = counters.increment(COUNT);
    } while (fresh.putIfAbsent(SLOT + taken, version) != null);
    long replaced = slot;
    boolean sameServer = slotEpoch == epoch;
    slot = taken;
    slotEpoch = epoch;
    acknowledged = version;
    if (replaced > 0 && sameServer) {
      fresh.put(SLOT + replaced, GONE);
    }
  }

  /** This node's slot, 0 before it joined. */
  long slot() {
    return slot;
  }

  /** A node that closes marks its slot gone so no purge waits for it (best effort). */
  void leave() {
    long mine = slot;
    if (mine > 0 && guard.isAttached()) {
      counterCache.get().put(SLOT + mine, GONE);
    }
  }

  /**
   * Acknowledges the version this node's heap tier shows, if it moved. Detaches when another node
   * gave up waiting for this one: whatever it missed meanwhile cannot be vouched for.
   */
  void acknowledge(long version) {
    long mine = slot;
    long previous = acknowledged;
    if (mine <= 0 || version <= previous) {
      return;
    }
    Cache<String, Long> cache = counterCache.get();
    if (cache.replace(SLOT + mine, previous, version)) {
      acknowledged = version;
      return;
    }
    Long current = cache.get(SLOT + mine);
    if (current != null && current == GONE) {
      guard.detach("another node's purge gave up waiting for this node to confirm it");
    }
  }

  /**
   * Returns once every other node confirmed {@code version}, or stopped trusting its heap tier.
   * Called right after the write of {@code version} returned.
   */
  void awaitConfirmations(long version) {
    long written = nanoTime.getAsLong();
    Cache<String, Long> cache = counterCache.get();
    List<Long> pending = pending(cache, version);
    while (!pending.isEmpty()) {
      if (nanoTime.getAsLong() - written >= silenceNanos) {
        pending.forEach(silent -> markGone(cache, silent, version));
        return;
      }
      pause.run();
      pending.removeIf(other -> confirmed(cache.get(SLOT + other), version));
    }
  }

  private List<Long> pending(Cache<String, Long> cache, long version) {
    Long count = cache.get(COUNT);
    Long floor = cache.get(FLOOR);
    long from = floor == null ? 0 : floor;
    long to = count == null ? 0 : count;
    long mine = slot;
    List<Long> pending = new ArrayList<>();
    long lowestInUse = 0;
    for (long other = from + 1; other <= to; other++) {
      Long acked = cache.get(SLOT + other);
      boolean gone = acked != null && acked == GONE;
      if (!gone && lowestInUse == 0) {
        lowestInUse = other;
      }
      if (other != mine && !confirmed(acked, version)) {
        pending.add(other);
      }
    }
    // Slots below the lowest one in use are never read again (an absent one may be a slot taken a
    // moment ago, or a read that timed out: not gone).
    long newFloor = lowestInUse == 0 ? to : lowestInUse - 1;
    if (newFloor > from) {
      new Counters(() -> cache).raise(FLOOR, newFloor);
    }
    return pending;
  }

  private static boolean confirmed(Long acked, long version) {
    return acked != null && (acked == GONE || acked >= version);
  }

  // The node behind the slot missed the write of a version it did not confirm, so its connection
  // closed before that write returned and it has detached since. Unless it confirmed meanwhile.
  private static void markGone(Cache<String, Long> cache, long other, long version) {
    String key = SLOT + other;
    for (int attempt = 0; attempt < 10; attempt++) {
      Long acked = cache.get(key);
      if (confirmed(acked, version)) {
        return;
      }
      boolean marked =
          acked == null ? cache.putIfAbsent(key, GONE) == null : cache.replace(key, acked, GONE);
      if (marked) {
        return;
      }
    }
  }
}
