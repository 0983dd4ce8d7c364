package com.gatewayz.modelpages.isr;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * Keeps the most popular pages from ever being served STALE: run by the refresh schedule every
 * {@link #intervalMillis()}, it queues a background re-render of each popular page whose revalidate
 * deadline falls within the next two intervals (or has passed), so a new render replaces it before
 * a request finds it old. Pages outside the popular set are left to ordinary ISR; pages that are
 * purged or missing are warmed after purges by the engine, not here. Thread-safe.
 */
final class PopularRefresh {

  static final long MIN_INTERVAL_MILLIS = 1_000;
  static final long MAX_INTERVAL_MILLIS = 60_000;
  // Ticks per revalidate period: a page is re-rendered at the latest ~2/5 of a period early.
  private static final int TICKS_PER_PERIOD = 5;
  private static final int LEAD_TICKS = 2;

  private final PageCache cache;
  private final Regenerator regenerator;
  private final Supplier<List<String>> popularKeys;
  private final Clock clock;

  PopularRefresh(
      PageCache cache, Regenerator regenerator, Supplier<List<String>> popularKeys, Clock clock) {
    this.cache = cache;
    this.regenerator = regenerator;
    this.popularKeys = popularKeys;
    this.clock = clock;
  }

  /** How often to run: a fifth of the revalidate period, between 1 s and 1 min. */
  long intervalMillis() {
    long fifth = cache.revalidateMillis() / TICKS_PER_PERIOD;
    return Math.max(MIN_INTERVAL_MILLIS, Math.min(MAX_INTERVAL_MILLIS, fifth));
  }

  /**
   * How long before its deadline a popular page is re-rendered: two intervals, so one late or
   * skipped run, or a render queued behind others, still lands before the deadline.
   */
  long leadMillis() {
    return LEAD_TICKS * intervalMillis();
  }

  /** Queues the re-render of every popular page near its deadline; returns how many were queued. */
  int run() {
    long renewFrom = clock.millis() + leadMillis();
    int queued = 0;
    for (String key : popularKeys.get()) {
      if (expiresBefore(cache.lookup(key), renewFrom)
          && regenerator.revalidateLater(key, Revalidation.TIME)) {
        queued++;
      }
    }
    return queued;
  }

  // Only pages that live by the revalidate period: a 404 or a short-lived entry has its own age.
  private boolean expiresBefore(Lookup lookup, long renewFrom) {
    if (lookup.state() == Lookup.State.STALE) {
      return true;
    }
    if (lookup.state() != Lookup.State.FRESH || lookup.page().maxAgeSeconds() > 0) {
      return false;
    }
    return lookup.page().renderedAtMillis() + cache.revalidateMillis() <= renewFrom;
  }
}
