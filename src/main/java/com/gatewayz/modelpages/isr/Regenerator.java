package com.gatewayz.modelpages.isr;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Single-flight regeneration: at most one render per key at a time, whether a request missed or a
 * stale page is revalidated in the background; every other caller waits for that render. Failed
 * background renders of a key back off (30 s, doubling to 10 min) while its stale page keeps being
 * served.
 */
final class Regenerator implements AutoCloseable {

  static final long FIRST_BACKOFF_MILLIS = 30_000;
  static final long MAX_BACKOFF_MILLIS = 600_000;

  private final PageCache cache;
  private final ExecutorService background;
  private final Clock clock;
  private final long waitMillis;
  private final ConcurrentHashMap<String, CompletableFuture<CachedPage>> flights = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Backoff> backoffs = new ConcurrentHashMap<>();

  private record Backoff(int failures, long nextAttemptAt) {}

  Regenerator(PageCache cache, ExecutorService background, Clock clock, long waitMillis) {
    this.cache = cache;
    this.background = background;
    this.clock = clock;
    this.waitMillis = waitMillis;
  }

  /** Renders {@code key} in this thread, or waits (bounded) for the render already running. */
  CachedPage renderForRequest(String key) throws RenderFailedException {
    CompletableFuture<CachedPage> mine = new CompletableFuture<>();
    CompletableFuture<CachedPage> running = flights.putIfAbsent(key, mine);
    return running == null ? lead(key, mine) : await(key, running);
  }

  /**
   * Starts one background render of {@code key} unless one is running or the key is backing off
   * after failures. Returns whether a render was started.
   */
  boolean revalidateLater(String key, Revalidation trigger) {
    // Every STALE hit lands here while the render runs: answer those without allocating a flight.
    if (isRendering(key)) {
      return false;
    }
    Backoff backoff = backoffs.get(key);
    if (backoff != null && clock.millis() < backoff.nextAttemptAt()) {
      return false;
    }
    CompletableFuture<CachedPage> mine = new CompletableFuture<>();
    if (flights.putIfAbsent(key, mine) != null) {
      return false;
    }
    try {
      background.execute(() -> leadInBackground(key, mine));
      cache.stats().revalidated(trigger);
      return true;
    } catch (RejectedExecutionException e) {
      flights.remove(key, mine);
      mine.completeExceptionally(e);
      return false;
    }
  }

  private void leadInBackground(String key, CompletableFuture<CachedPage> flight) {
    try {
      lead(key, flight);
    } catch (RenderFailedException e) {
      backoffs.merge(key, firstBackoff(), (old, first) -> nextBackoff(old));
    }
  }

  private CachedPage lead(String key, CompletableFuture<CachedPage> flight) throws RenderFailedException {
    try {
      CachedPage page = cache.renderAndStore(key);
      backoffs.remove(key);
      finish(key, flight).complete(page);
      return page;
    } catch (RenderFailedException e) {
      finish(key, flight).completeExceptionally(e);
      throw e;
    } catch (RuntimeException | Error e) {
      finish(key, flight).completeExceptionally(e);
      throw new RenderFailedException(key, e);
    }
  }

  // The flight leaves the map before it completes, so a caller arriving later starts a new render
  // instead of taking a result that a purge may already have overtaken.
  private CompletableFuture<CachedPage> finish(String key, CompletableFuture<CachedPage> flight) {
    flights.remove(key, flight);
    return flight;
  }

  private CachedPage await(String key, CompletableFuture<CachedPage> running) throws RenderFailedException {
    try {
      return running.get(waitMillis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new RenderFailedException(key, "waited " + waitMillis + " ms for another render");
    } catch (ExecutionException e) {
      throw new RenderFailedException(key, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RenderFailedException(key, e);
    }
  }

  private Backoff firstBackoff() {
    return new Backoff(1, clock.millis() + FIRST_BACKOFF_MILLIS);
  }

  private Backoff nextBackoff(Backoff previous) {
    int failures = previous.failures() + 1;
    long delay = Math.min(MAX_BACKOFF_MILLIS, FIRST_BACKOFF_MILLIS << Math.min(failures - 1, 10));
    return new Backoff(failures, clock.millis() + delay);
  }

  /** Milliseconds until {@code key} may be retried in the background; 0 when it may now. */
  long backoffRemaining(String key) {
    Backoff backoff = backoffs.get(key);
    return backoff == null ? 0 : Math.max(0, backoff.nextAttemptAt() - clock.millis());
  }

  boolean isRendering(String key) {
    return flights.containsKey(key);
  }

  @Override
  public void close() {
    background.shutdownNow();
  }
}
