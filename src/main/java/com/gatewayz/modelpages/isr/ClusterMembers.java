package com.gatewayz.modelpages.isr;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * <p>The slots live in the counters cache ({@code \0member:<epoch>:<n>} holds the last version the
 * node acknowledged, or {@link #GONE}); {@code \0members} counts the slots handed out and {@code
 * \0members-floor} is below every slot still in use.
 */
final class ClusterMembers {

  static final String COUNT = "\u0000members";
  static final String FLOOR = "\u0000members-floor";
  static final String SLOT = "\u0000member:";
  static final long GONE = Long.MIN_VALUE;

  /**
   * A slot on the server of one epoch: a server that restarted empty hands the numbers out again.
   */
  private record Seat(long slot, long epoch) {
    static final Seat NONE = new Seat(0, 0);

    String key(long other) {
      return ClusterMembers.key(epoch, other);
    }
  }

  private final Supplier<Cache<String, Long>> counterCache;
  private final ClusterGuard guard;
  private final LongSupplier nanoTime;
  private final long silenceNanos;
  private final Runnable pause;
  // Slots of this seat's epoch seen gone: a slot never comes back, so purges no longer read them.
  private final Set<Long> gone = ConcurrentHashMap.newKeySet();
  private volatile Seat seat = Seat.NONE;
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

  /** The key of slot {@code slot} on the server of {@code epoch}. */
  static String key(long epoch, long slot) {
    return SLOT + epoch + ":" + slot;
  }

  /**
   * Takes a slot on the connection behind {@code fresh} (a server of {@code epoch}), acknowledging
   * {@code version}, after marking the slot of the connection it replaces gone when that one is on
   * the same server (its heap tier is no longer read). Throws when the server does not answer; then
   * nothing changed here.
   */
  void join(Cache<String, Long> fresh, long version, long epoch) {
    Seat old = seat;
    if (old.slot() > 0 && old.epoch() == epoch) {
      fresh.put(old.key(old.slot()), GONE);
    }
    Counters counters = new Counters(() -> fresh);
    long taken;
    do {
      taken = counters.increment(COUNT);
    } while (fresh.putIfAbsent(key(epoch, taken), version) != null);
    if (old.epoch() != epoch) {
      gone.clear();
    }
    acknowledged = version;
    seat = new Seat(taken, epoch);
  }

  /** This node's slot, 0 before it joined. */
  long slot() {
    return seat.slot();
  }

  /** The key of this node's slot. */
  String slotKey() {
    Seat mine = seat;
    return mine.key(mine.slot());
  }

  /** A node that closes marks its slot gone so no purge waits for it (best effort: may throw). */
  void leave() {
    Seat mine = seat;
    if (mine.slot() > 0) {
      counterCache.get().put(mine.key(mine.slot()), GONE);
    }
  }

  /**
   * Acknowledges the version this node's heap tier shows, if it moved. Detaches when another node
   * gave up waiting for this one: whatever it missed meanwhile cannot be vouched for.
   */
  void acknowledge(long version) {
    Seat mine = seat;
    long previous = acknowledged;
    if (mine.slot() <= 0 || version <= previous) {
      return;
    }
    Cache<String, Long> cache = counterCache.get();
    String key = mine.key(mine.slot());
    if (cache.replace(key, previous, version)) {
      acknowledged = version;
      return;
    }
    Long current = cache.get(key);
    if (current == null) {
      return; // a read that timed out: the next round tries again
    }
    if (current == GONE) {
      guard.detach("another node's purge gave up waiting for this node to confirm it");
    } else if (current > previous && seat == mine) {
      // Only this node writes versions here: a write whose answer timed out went through.
      acknowledged = current;
    }
  }

  /**
   * Returns once every other node confirmed {@code version}, or stopped trusting its heap tier.
   * Called right after the write of {@code version} returned; throws when the server does not
   * answer.
   */
  void awaitConfirmations(long version) {
    long written = nanoTime.getAsLong();
    Seat mine = seat;
    Cache<String, Long> cache = counterCache.get();
    List<Long> pending = pending(cache, mine, version);
    while (!pending.isEmpty()) {
      if (nanoTime.getAsLong() - written >= silenceNanos) {
        pending.forEach(silent -> markGone(cache, mine, silent, version));
        return;
      }
      pause.run();
      pending.removeIf(other -> confirmed(cache.get(mine.key(other)), mine, other, version));
    }
  }

  private List<Long> pending(Cache<String, Long> cache, Seat mine, long version) {
    Long count = cache.get(COUNT);
    if (count == null) {
      // This node holds a slot, so the count exists: absent means the read timed out.
      throw new IllegalStateException("the server did not answer a read of the member count");
    }
    Long floor = cache.get(FLOOR);
    long from = floor == null ? 0 : floor;
    List<Long> pending = new ArrayList<>();
    long lowestInUse = 0;
    for (long other = from + 1; other <= count; other++) {
      if (gone.contains(other)) {
        continue;
      }
      Long acked = cache.get(mine.key(other));
      boolean confirmed = confirmed(acked, mine, other, version);
      if (!gone.contains(other) && lowestInUse == 0) {
        lowestInUse = other;
      }
      if (other != mine.slot() && !confirmed) {
        pending.add(other);
      }
    }
    // Slots below the lowest one in use are never read again (an absent one may be a slot taken a
    // moment ago, or a read that timed out: not gone).
    long newFloor = lowestInUse == 0 ? count : lowestInUse - 1;
    if (newFloor > from) {
      new Counters(() -> cache).raise(FLOOR, newFloor);
    }
    return pending;
  }

  private boolean confirmed(Long acked, Seat mine, long other, long version) {
    if (acked != null && acked == GONE && seat.epoch() == mine.epoch()) {
      gone.add(other);
    }
    return confirmed(acked, version);
  }

  private static boolean confirmed(Long acked, long version) {
    return acked != null && (acked == GONE || acked >= version);
  }

  // The node behind the slot missed the write of a version it did not confirm, so its connection
  // closed before that write returned and it has detached since. Unless it confirmed meanwhile.
  private void markGone(Cache<String, Long> cache, Seat mine, long other, long version) {
    String key = mine.key(other);
    for (int attempt = 0; attempt < 10; attempt++) {
      Long acked = cache.get(key);
      if (confirmed(acked, version)) {
        return;
      }
      boolean marked =
          acked == null ? cache.putIfAbsent(key, GONE) == null : cache.replace(key, acked, GONE);
      if (marked) {
        gone.add(other);
        return;
      }
    }
  }
}
