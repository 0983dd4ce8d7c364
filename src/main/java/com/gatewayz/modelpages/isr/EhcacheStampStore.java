package com.gatewayz.modelpages.isr;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import org.ehcache.Cache;

/** Tag-clock stamps in the persistent {@code tag-stamps} cache, beside the pages they guard. */
final class EhcacheStampStore implements StampStore {

  // Keys no tag or path can have: tags never start with a NUL character.
  private static final String TICK = "\u0000tick";
  private static final String LOW_WATER = "\u0000low-water";

  private final Cache<String, Long> cache;

  EhcacheStampStore(Cache<String, Long> cache) {
    this.cache = cache;
  }

  @Override
  public Snapshot load() {
    Map<String, Long> stamps = new HashMap<>();
    long tick = 0;
    long lowWater = 0;
    for (Cache.Entry<String, Long> entry : cache) {
      switch (entry.getKey()) {
        case TICK -> tick = entry.getValue();
        case LOW_WATER -> lowWater = entry.getValue();
        default -> stamps.put(entry.getKey(), entry.getValue());
      }
    }
    return new Snapshot(stamps, tick, lowWater);
  }

  @Override
  public void saveStamps(Map<String, Long> stamps) {
    cache.putAll(stamps);
  }

  @Override
  public void saveMarks(long tick, long lowWater) {
    cache.put(TICK, tick);
    cache.put(LOW_WATER, lowWater);
  }

  @Override
  public void forget(Collection<String> names) {
    cache.removeAll(new HashSet<>(names));
  }
}
