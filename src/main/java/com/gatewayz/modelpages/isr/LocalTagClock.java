package com.gatewayz.modelpages.isr;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The tag clock of one node: stamps in a concurrent map, persisted through a {@link StampStore}.
 * Bounded: past {@code maxStamps} the oldest half is folded into the low-water mark, which can
 * only invalidate more entries, never fewer. Purges are serialised; validity checks never lock.
 */
final class LocalTagClock implements TagClock {

  static final int DEFAULT_MAX_STAMPS = 10_000;

  private final ConcurrentHashMap<String, Long> stamps = new ConcurrentHashMap<>();
  private final AtomicLong tick = new AtomicLong();
  private final AtomicLong version = new AtomicLong();
  private final StampStore store;
  private final int maxStamps;
  private volatile long lowWater;

  LocalTagClock(StampStore store, int maxStamps) {
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
  public long currentTick() {
    return tick.get();
  }

  @Override
  public long version() {
    return version.get();
  }

  @Override
  public synchronized long stamp(Collection<String> names) {
    long stampTick = tick.incrementAndGet();
    for (String name : names) {
      stamps.put(name, stampTick);
    }
    store.saveStamps(names, stampTick);
    store.saveMarks(stampTick, lowWater);
    if (stamps.size() > maxStamps) {
      foldOldestHalf();
    }
    version.incrementAndGet();
    return stampTick;
  }

  @Override
  public synchronized long stampAll() {
    long stampTick = tick.incrementAndGet();
    lowWater = stampTick;
    stamps.clear();
    store.clearStamps();
    store.saveMarks(stampTick, stampTick);
    version.incrementAndGet();
    return stampTick;
  }

  private void foldOldestHalf() {
    long[] values = stamps.values().stream().mapToLong(Long::longValue).sorted().toArray();
    long cutoff = values[values.length / 2];
    // Raise the mark before dropping stamps so no reader ever sees neither.
    lowWater = Math.max(lowWater, cutoff);
    List<String> folded = new ArrayList<>();
    for (Map.Entry<String, Long> stamp : stamps.entrySet()) {
      if (stamp.getValue() <= cutoff) {
        folded.add(stamp.getKey());
      }
    }
    folded.forEach(stamps::remove);
    store.forget(folded);
    store.saveMarks(tick.get(), lowWater);
  }

  @Override
  public boolean isValid(long renderTick, String[] tags, String path) {
    if (renderTick < lowWater) {
      return false;
    }
    for (String tag : tags) {
      if (isStampedAfter(tag, renderTick)) {
        return false;
      }
    }
    return !isStampedAfter(path, renderTick);
  }

  @Override
  public Revalidation purgedBy(long renderTick, String[] tags, String path) {
    return isStampedAfter(path, renderTick) ? Revalidation.PATH : Revalidation.TAG;
  }

  private boolean isStampedAfter(String name, long renderTick) {
    Long stamp = stamps.get(name);
    return stamp != null && renderTick < stamp;
  }

  @Override
  public int stampCount() {
    return stamps.size();
  }

  long lowWater() {
    return lowWater;
  }
}
