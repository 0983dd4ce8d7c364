package com.gatewayz.modelpages.isr;

import java.security.SecureRandom;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.ehcache.Cache;

/**
 * The stamps of a cluster, on the Terracotta server in two strongly consistent caches with a heap
 * tier on each node: a strong write returns only once every attached node dropped its heap copy, so
 * what a purge wrote is what every attached node reads next. The counters (tick, version, low-water
 * mark, epoch) live apart from the stamps, in a pool too large for them ever to be evicted.
 *
 * <p>A name with no stamp on the server (never purged, or evicted from a full pool) is given the
 * current tick the first time it is checked: that can only invalidate more, never less, and keeps
 * the name on the heap tiers from then on. A server that started empty gets a new epoch whose ticks
 * start above every tick the joining node saw, so nothing rendered against the lost state passes a
 * check. Reads answer {@link TagClock#UNAVAILABLE} or {@link Stamps#UNKNOWN} instead of throwing;
 * writes throw {@link PurgeFailedException}.
 */
final class ClusterStamps implements Stamps {

  static final String TICK = "\u0000tick";
  static final String VERSION = "\u0000version";
  static final String LOW_WATER = "\u0000low-water";
  static final String EPOCH = "\u0000epoch";
  // A key never written: reading it always reaches the server (heap tiers keep no absences).
  static final String PROBE = "\u0000probe";
  static final int EPOCH_SHIFT = 40;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Supplier<Cache<String, Long>> counterCache;
  private final Supplier<Cache<String, Long>> stampCache;
  private final Counters counters;
  private final ClusterGuard guard;
  private final IntSupplier size;
  private final ClusterMembers members;
  private final AtomicLong maxSeen = new AtomicLong();
  private volatile long epoch;

  ClusterStamps(
      Supplier<Cache<String, Long>> counterCache,
      Supplier<Cache<String, Long>> stampCache,
      ClusterGuard guard,
      IntSupplier size,
      ClusterMembers members) {
    this.counterCache = counterCache;
    this.stampCache = stampCache;
    this.counters = new Counters(counterCache);
    this.guard = guard;
    this.size = size;
    this.members = members;
  }

  /**
   * Joins the epoch of the server behind {@code fresh} (a new connection's counter cache), starting
   * one when the server holds none, and takes a slot among the nodes that confirm purges ({@link
   * ClusterMembers}). Throws when the server does not answer.
   */
  void attach(Cache<String, Long> fresh) {
    Counters onFresh = new Counters(() -> fresh);
    Long current = fresh.get(EPOCH);
    if (current == null) {
      long candidate = RANDOM.nextLong();
      current = fresh.putIfAbsent(EPOCH, candidate);
      if (current == null) {
        current = candidate;
        long base = ((maxSeen.get() >>> EPOCH_SHIFT) + 1) << EPOCH_SHIFT;
        onFresh.raise(TICK, base);
        onFresh.raise(VERSION, base);
        onFresh.raise(LOW_WATER, base);
      }
    }
    epoch = current;
    Long tick = fresh.get(TICK);
    if (tick != null) {
      seen(tick);
    }
    Long version = fresh.get(VERSION);
    members.join(fresh, version == null ? 0 : version, current);
  }

  /** The epoch of the server this node joined last (random, shared by every node of it). */
  long epoch() {
    return epoch;
  }

  /**
   * One probe: true when the server answered a read and still holds the epoch this node joined;
   * false when it lost it (it restarted empty). Throws when the call failed.
   */
  boolean probe() {
    counterCache.get().get(PROBE);
    Long current = counterCache.get().get(EPOCH);
    return current != null && current == epoch;
  }

  @Override
  public long tick() {
    long tick = read(TICK);
    if (tick != TagClock.UNAVAILABLE) {
      seen(tick);
    }
    return tick;
  }

  private void seen(long tick) {
    if (tick > maxSeen.get()) {
      maxSeen.accumulateAndGet(tick, Math::max);
    }
  }

  @Override
  public long version() {
    return read(VERSION);
  }

  // A counter that is missing, or a read that timed out (Ehcache then answers "absent"): unknown.
  private long read(String counter) {
    if (!guard.isAttached()) {
      return TagClock.UNAVAILABLE;
    }
    try {
      Long value = counterCache.get().get(counter);
      return value == null ? TagClock.UNAVAILABLE : value;
    } catch (RuntimeException e) {
      guard.failed(e);
      return TagClock.UNAVAILABLE;
    }
  }

  @Override
  public long nextTick() {
    long tick = write(() -> counters.increment(TICK));
    seen(tick);
    return tick;
  }

  @Override
  public void raise(Collection<String> names, long tick) {
    Counters stamps = new Counters(stampCache);
    write(
        () -> {
          names.forEach(name -> stamps.raise(name, tick));
          return null;
        });
  }

  @Override
  public void raiseLowWater(long tick) {
    write(
        () -> {
          counters.raise(LOW_WATER, tick);
          return null;
        });
  }

  // The server confirmed the write to every node whose connection is open; the rest must confirm
  // it themselves, or be certain to have stopped trusting their heap tiers, before the purge
  // returns.
  @Override
  public void publish() {
    write(
        () -> {
          members.awaitConfirmations(counters.increment(VERSION));
          return null;
        });
  }

  /** Confirms the version this node's heap tier shows (the purges it saw are in force here). */
  void confirmSeenPurges() {
    long version = version();
    if (version == TagClock.UNAVAILABLE) {
      return;
    }
    try {
      members.acknowledge(version);
    } catch (RuntimeException e) {
      guard.failed(e);
    }
  }

  /** The key of this connection's slot among the nodes that confirm purges. */
  String memberSlotKey() {
    return members.slotKey();
  }

  /** Marks this node's slot gone so that no purge waits for it (closing, best effort). */
  void leave() {
    try {
      members.leave();
    } catch (RuntimeException e) {
      guard.failed(e);
    }
  }

  private <T> T write(Supplier<T> operation) {
    if (!guard.isAttached()) {
      throw new PurgeFailedException(
          "this node is cut off from the Terracotta server " + guard.server(), null);
    }
    try {
      return operation.get();
    } catch (RuntimeException e) {
      guard.failed(e);
      throw new PurgeFailedException(
          "the Terracotta server "
              + guard.server()
              + " did not confirm the purge: "
              + e.getMessage(),
          e);
    }
  }

  @Override
  public long stampOf(String name) {
    if (!guard.isAttached()) {
      return UNKNOWN;
    }
    try {
      Long stamp = stampCache.get().get(name);
      return stamp != null ? stamp : firstStamp(name);
    } catch (RuntimeException e) {
      guard.failed(e);
      return UNKNOWN;
    }
  }

  // Absent, evicted, or a read that timed out: the write settles which, and gives the name the
  // current tick when it had nothing.
  private long firstStamp(String name) {
    long now = tick();
    if (now == TagClock.UNAVAILABLE) {
      return UNKNOWN;
    }
    Long raced = stampCache.get().putIfAbsent(name, now);
    return raced != null ? raced : now;
  }

  @Override
  public long lowWater() {
    long lowWater = read(LOW_WATER);
    return lowWater == TagClock.UNAVAILABLE ? UNKNOWN : lowWater;
  }

  @Override
  public boolean isAvailable() {
    return guard.isAttached();
  }

  @Override
  public int size() {
    return size.getAsInt();
  }
}
