package com.gatewayz.modelpages.isr;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A popularity for engine tests: the keys a test sets, and a count of the views the cache reported.
 */
final class FakePopularity implements Popularity {

  volatile List<String> keys = List.of();
  final LongAdder rankings = new LongAdder();
  private final Map<String, LongAdder> views = new ConcurrentHashMap<>();

  @Override
  public List<String> mostPopularKeys(int limit) {
    rankings.increment();
    List<String> popular = keys;
    return popular.size() <= limit ? popular : popular.subList(0, limit);
  }

  @Override
  public void viewed(String key) {
    views.computeIfAbsent(key, k -> new LongAdder()).increment();
  }

  long views(String key) {
    LongAdder count = views.get(key);
    return count == null ? 0 : count.sum();
  }
}
