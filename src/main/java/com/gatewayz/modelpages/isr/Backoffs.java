package com.gatewayz.modelpages.isr;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/** Failed background renders per key, and when each key may be tried again, on the clock. */
final class Backoffs {

  static final long FIRST_BACKOFF_MILLIS = 30_000;
  static final long MAX_BACKOFF_MILLIS = 600_000;

  private record Backoff(int failures, long nextAttemptAt) {}

  private final Clock clock;
  private final ConcurrentHashMap<String, Backoff> backoffs = new ConcurrentHashMap<>();

  Backoffs(Clock clock) {
    this.clock = clock;
  }

  /** The wait after {@code failures} failures in a row: 30 s, doubling to 10 min. */
  static long backoffMillis(int failures) {
    return Math.min(
        MAX_BACKOFF_MILLIS, FIRST_BACKOFF_MILLIS << Math.min(Math.max(failures, 1) - 1, 10));
  }

  void failed(String key) {
    backoffs.merge(
        key,
        new Backoff(1, clock.millis() + FIRST_BACKOFF_MILLIS),
        (old, first) -> next(old.failures() + 1));
  }

  private Backoff next(int failures) {
    return new Backoff(failures, clock.millis() + backoffMillis(failures));
  }

  void succeeded(String key) {
    backoffs.remove(key);
  }

  /** Milliseconds until {@code key} may be retried; 0 when it may now. */
  long remaining(String key) {
    Backoff backoff = backoffs.get(key);
    return backoff == null ? 0 : Math.max(0, backoff.nextAttemptAt() - clock.millis());
  }
}
