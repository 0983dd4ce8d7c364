package com.gatewayz.modelpages.isr;

import java.util.function.Supplier;
import org.ehcache.Cache;

/**
 * Atomic counters in a clustered cache with strong consistency, by compare-and-set: the server
 * orders the conditional writes, so every node sees the same sequence. A loop that keeps losing (or
 * keeps reading "absent" from reads that time out) gives up with an exception.
 */
final class Counters {

  private static final int MAX_ATTEMPTS = 100;

  private final Supplier<Cache<String, Long>> caches;

  Counters(Supplier<Cache<String, Long>> caches) {
    this.caches = caches;
  }

  private Cache<String, Long> cache() {
    return caches.get();
  }

  Long get(String key) {
    return cache().get(key);
  }

  /** Adds one and returns the new value; an absent counter counts from 0. */
  long increment(String key) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Long old = cache().get(key);
      if (old == null) {
        if (cache().putIfAbsent(key, 1L) == null) {
          return 1;
        }
      } else if (cache().replace(key, old, old + 1)) {
        return old + 1;
      }
    }
    throw contended(key);
  }

  /** Raises the counter to at least {@code value}. */
  void raise(String key, long value) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Long old = cache().get(key);
      if (old == null) {
        if (cache().putIfAbsent(key, value) == null) {
          return;
        }
      } else if (old >= value || cache().replace(key, old, value)) {
        return;
      }
    }
    throw contended(key);
  }

  /**
   * Sets the counter from {@code expected} (absent counts as 0) to {@code value}; false if it
   * moved.
   */
  boolean compareAndSet(String key, long expected, long value) {
    Long old = cache().get(key);
    if (old == null) {
      return expected == 0 && cache().putIfAbsent(key, value) == null;
    }
    return old == expected && cache().replace(key, old, value);
  }

  /** Sets {@code key} to {@code value} unless present; returns the value already there, or null. */
  Long putIfAbsent(String key, long value) {
    return cache().putIfAbsent(key, value);
  }

  boolean replace(String key, long expected, long value) {
    return cache().replace(key, expected, value);
  }

  void remove(String key) {
    cache().remove(key);
  }

  private static IllegalStateException contended(String key) {
    return new IllegalStateException(
        "the counter "
            + key.replace('\u0000', '~')
            + " kept moving: "
            + MAX_ATTEMPTS
            + " attempts");
  }
}
