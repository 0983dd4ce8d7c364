package com.gatewayz.modelpages.isr;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The stamps of one node: a concurrent map, persisted through a {@link StampStore} so a restart
 * cannot revive purged pages. Bounded: past {@code maxStamps} the oldest half is folded into the
 * low-water mark, which can only invalidate more entries, never fewer. Writers are serialised;
 * readers never lock.
 */
final class LocalStamps implements Stamps {

  static final int DEFAULT_MAX_STAMPS = 10_000;

  private final ConcurrentHashMap<String, Long> stamps = new ConcurrentHashMap<>();
  private final AtomicLong tick = new AtomicLong();
  private final AtomicLong version = new AtomicLong();
  private final StampStore store;
  private final int maxStamps;
  private volatile long lowWater;

  LocalStamps(StampStore store, int maxStamps) {
    this.store = store;
    this.maxStamps = maxStamps;
    StampStore.Snapshot saved = store.load();
    stamps.putAll(saved.stamps());
    long latest = Math.max(saved.tick(), saved.lowWater());
    for (long stamp : saved.stamps().values()) {
      latest = Math.max(latest, stamp);
    }
    tick.set(latest);
    lowWater = saved.lowWater();
  }

  @Override
  public long tick() {
    return tick.get();
  }

  @Override
  public long version() {
    return version.get();
  }

  @Override
  public synchronized long nextTick() {
    long next = tick.incrementAndGet();
    store.saveMarks(next, lowWater);
    return next;
  }

  // What is saved is what the map holds: a later tick already stamped on a name is kept.
  @Override
  public synchronized void raise(Collection<String> names, long stampTick) {
    Map<String, Long> raised = new HashMap<>();
    for (String name : names) {
      raised.put(name, stamps.merge(name, stampTick, Math::max));
    }
    store.saveStamps(raised);
    if (stamps.size() > maxStamps) {
      foldOldestHalf();
    }
  }

  private void foldOldestHalf() {
    long[] values = stamps.values().stream().mapToLong(Long::longValue).sorted().toArray();
    raiseLowWater(values[values.length / 2]);
  }

  // The mark is raised before the stamps under it are dropped, so no reader ever sees neither.
  @Override
  public synchronized void raiseLowWater(long mark) {
    if (mark <= lowWater) {
      return;
    }
    lowWater = mark;
    List<String> dropped = new ArrayList<>();
    for (Map.Entry<String, Long> stamp : stamps.entrySet()) {
      if (stamp.getValue() <= mark && stamps.remove(stamp.getKey(), stamp.getValue())) {
        dropped.add(stamp.getKey());
      }
    }
    store.forget(dropped);
    store.saveMarks(tick.get(), mark);
  }

  @Override
  public void publish() {
    version.incrementAndGet();
  }

  @Override
  public long stampOf(String name) {
    Long stamp = stamps.get(name);
    return stamp == null ? NONE : stamp;
  }

  @Override
  public long lowWater() {
    return lowWater;
  }

  @Override
  public boolean isAvailable() {
    return true;
  }

  @Override
  public int size() {
    return stamps.size();
  }
}
