package com.gatewayz.modelpages.isr;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One render of one key and everyone waiting for it. A background flight is queued until a render
 * thread, or a request that would otherwise wait behind the queue, starts it: whoever starts it
 * first renders it. A flight past its deadline may be abandoned for a new one; its render, if it
 * ever ends, is then stored only if nothing valid replaced it. Thread-safe.
 */
final class Flight {

  private static final long QUEUED = Long.MIN_VALUE;

  final CompletableFuture<CachedPage> result = new CompletableFuture<>();
  private final AtomicLong startedAtMillis;
  private volatile boolean abandoned;

  private Flight(long startedAtMillis) {
    this.startedAtMillis = new AtomicLong(startedAtMillis);
  }

  /** A flight its creator renders now. */
  static Flight running(long nowMillis) {
    return new Flight(nowMillis);
  }

  /** A flight waiting for a render thread. */
  static Flight queued() {
    return new Flight(QUEUED);
  }

  /** Starts a queued flight; false when someone else started it first. */
  boolean start(long nowMillis) {
    return startedAtMillis.compareAndSet(QUEUED, nowMillis);
  }

  /** Whether its render started more than {@code deadlineMillis} ago by the clock. */
  boolean isPastDeadline(long nowMillis, long deadlineMillis) {
    long started = startedAtMillis.get();
    return started != QUEUED && nowMillis - started > deadlineMillis;
  }

  void abandon() {
    abandoned = true;
    result.completeExceptionally(new Superseded());
  }

  boolean isAbandoned() {
    return abandoned;
  }

  /** Tells the waiters of an abandoned flight to wait for its successor instead. */
  static final class Superseded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Superseded() {
      super("replaced after its deadline", null, false, false);
    }
  }
}
