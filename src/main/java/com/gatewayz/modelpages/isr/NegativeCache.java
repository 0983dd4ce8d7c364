package com.gatewayz.modelpages.isr;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The 404 pages of keys that name nothing (a well-formed id no model has), kept on the heap only,
 * bounded and for a real time to live, apart from the page tiers: made-up keys can neither fill the
 * page cache nor reach its disk tier. Entries are validated against the tag clock like pages, so
 * the model's arrival (a purge of its tag, on any node) ends its 404 at once.
 */
public final class NegativeCache {

  static final int MAX_ENTRIES = 1_000;
  static final Duration TTL = Duration.ofSeconds(60);

  private final Cache<String, CachedPage> entries;
  private final LongAdder hits = new LongAdder();

  NegativeCache(Clock clock) {
    this.entries =
        Caffeine.newBuilder()
            .maximumSize(MAX_ENTRIES)
            .expireAfterWrite(TTL)
            .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
            .executor(Runnable::run)
            .build();
  }

  CachedPage get(String key) {
    return entries.getIfPresent(key);
  }

  void hit() {
    hits.increment();
  }

  void put(String key, CachedPage page) {
    entries.put(key, page);
  }

  void remove(String key) {
    entries.invalidate(key);
  }

  Report report() {
    entries.cleanUp();
    return new Report(entries.estimatedSize(), MAX_ENTRIES, TTL.toSeconds(), hits.sum());
  }

  /**
   * The negative cache at one moment.
   *
   * @param entries 404 pages held now (expired ones are not counted)
   * @param hits requests answered from it
   */
  public record Report(long entries, long maxEntries, long ttlSeconds, long hits) {}
}
