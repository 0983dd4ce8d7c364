package com.gatewayz.modelpages.isr;

import java.time.Clock;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * Single-flight regeneration: at most one render per key at a time, whether a request missed or a
 * stale page is revalidated in the background; every other caller waits for that render. A request
 * never waits behind the background queue: it renders a queued flight of its key itself. A render
 * running past its deadline (on the clock) is stuck: the next caller replaces it with a render of
 * its own, unless too many replaced renders still hang, then callers get a 503 at once. Failed
 * background renders of a key back off (30 s, doubling to 10 min) while its stale page keeps being
 * served.
 */
final class Regenerator implements AutoCloseable {

  static final long FIRST_BACKOFF_MILLIS = 30_000;
  static final long MAX_BACKOFF_MILLIS = 600_000;

  private static final Logger LOG = Logger.getLogger(Regenerator.class.getName());
  // A waiter looks at its flight's deadline this often; the deadline itself is judged on the clock.
  private static final long WAIT_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

  private final PageCache cache;
  private final ExecutorService background;
  private final Clock clock;
  private final long waitMillis;
  private final long deadlineMillis;
  private final int maxStuck;
  private final ConcurrentHashMap<String, Flight> flights = new ConcurrentHashMap<>();
  // Replaced flights whose render has not returned yet.
  private final Set<Flight> abandoned = ConcurrentHashMap.newKeySet();
  private final ConcurrentHashMap<String, Backoff> backoffs = new ConcurrentHashMap<>();

  private record Backoff(int failures, long nextAttemptAt) {}

  Regenerator(PageCache cache, ExecutorService background, Clock clock, IsrOptions options) {
    this.cache = cache;
    this.background = background;
    this.clock = clock;
    this.waitMillis = options.renderWaitMillis();
    this.deadlineMillis = options.renderDeadlineMillis();
    this.maxStuck = options.maxStuckRenders();
  }

  /**
   * Renders {@code key} in this thread, or waits (bounded) for the render already running: a queued
   * background render is taken over, a stuck one replaced.
   */
  CachedPage renderForRequest(String key) throws RenderFailedException {
    long waitUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
    while (true) {
      Flight mine = Flight.running(clock.millis());
      Flight current = flights.putIfAbsent(key, mine);
      if (current == null) {
        return lead(key, mine);
      }
      Flight led = takeOver(key, current, mine);
      if (led != null) {
        return lead(key, led);
      }
      CachedPage page = await(key, current, waitUntil);
      if (page != null) {
        return page;
      }
    }
  }

  // The flight this caller renders itself: a queued one it starts instead of waiting behind the
  // background queue, or its own in place of a stuck one. Null: wait for current.
  private Flight takeOver(String key, Flight current, Flight mine) throws RenderFailedException {
    long now = clock.millis();
    if (current.start(now)) {
      return current;
    }
    if (!current.isPastDeadline(now, deadlineMillis)) {
      return null;
    }
    if (abandoned.size() >= maxStuck) {
      throw new RenderFailedException(
          key, "its render is stuck and " + abandoned.size() + " stuck renders already hang");
    }
    return replace(key, current, mine) ? mine : null;
  }

  // Added to the abandoned set before the swap, so its render's end always finds it there.
  private boolean replace(String key, Flight stuck, Flight successor) {
    abandoned.add(stuck);
    if (!flights.replace(key, stuck, successor)) {
      abandoned.remove(stuck);
      return false;
    }
    stuck.abandon();
    cache.stats().renderReplaced();
    LOG.warning("[ISR] render of " + key + " still running after " + deadlineMillis + " ms: replaced");
    return true;
  }

  /**
   * Starts one background render of {@code key} unless one is running (and not stuck) or the key is
   * backing off after failures. Returns whether a render was queued.
   */
  boolean revalidateLater(String key, Revalidation trigger) {
    Flight current = flights.get(key);
    // Every STALE hit lands here while the render runs: answer those without allocating a flight.
    if (current != null && !current.isPastDeadline(clock.millis(), deadlineMillis)) {
      return false;
    }
    Backoff backoff = backoffs.get(key);
    if (backoff != null && clock.millis() < backoff.nextAttemptAt()) {
      return false;
    }
    Flight mine = Flight.queued();
    if (!place(key, current, mine)) {
      return false;
    }
    try {
      background.execute(() -> runQueued(key, mine));
      cache.stats().revalidated(trigger);
      return true;
    } catch (RejectedExecutionException e) {
      flights.remove(key, mine);
      mine.result.completeExceptionally(e);
      return false;
    }
  }

  private boolean place(String key, Flight current, Flight mine) {
    if (current == null) {
      return flights.putIfAbsent(key, mine) == null;
    }
    return abandoned.size() < maxStuck && replace(key, current, mine);
  }

  private void runQueued(String key, Flight flight) {
    if (!flight.start(clock.millis())) {
      return; // a request took it over
    }
    try {
      lead(key, flight);
    } catch (RenderFailedException e) {
      backoffs.merge(key, firstBackoff(), (old, first) -> nextBackoff(old));
    }
  }

  private CachedPage lead(String key, Flight flight) throws RenderFailedException {
    try {
      CachedPage page = cache.renderAndStore(key, flight::isAbandoned);
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
  private CompletableFuture<CachedPage> finish(String key, Flight flight) {
    flights.remove(key, flight);
    abandoned.remove(flight);
    return flight.result;
  }

  // Null when the flight was replaced or ran past its deadline: the caller looks again.
  private CachedPage await(String key, Flight flight, long waitUntil) throws RenderFailedException {
    try {
      while (true) {
        long left = waitUntil - System.nanoTime();
        if (left <= 0) {
          throw new RenderFailedException(key, "waited " + waitMillis + " ms for another render");
        }
        try {
          return flight.result.get(Math.min(left, WAIT_SLICE_NANOS), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
          if (flight.isPastDeadline(clock.millis(), deadlineMillis)) {
            return null;
          }
        }
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Flight.Superseded) {
        return null;
      }
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
    return new Backoff(failures, clock.millis() + backoffMillis(failures));
  }

  /** The wait after {@code failures} failures in a row: 30 s, doubling to 10 min. */
  static long backoffMillis(int failures) {
    return Math.min(MAX_BACKOFF_MILLIS, FIRST_BACKOFF_MILLIS << Math.min(Math.max(failures, 1) - 1, 10));
  }

  /** Milliseconds until {@code key} may be retried in the background; 0 when it may now. */
  long backoffRemaining(String key) {
    Backoff backoff = backoffs.get(key);
    return backoff == null ? 0 : Math.max(0, backoff.nextAttemptAt() - clock.millis());
  }

  /** Renders running past their deadline now: replaced ones still hanging and overdue current ones. */
  int stuckRenders() {
    long now = clock.millis();
    int overdue = 0;
    for (Flight flight : flights.values()) {
      if (flight.isPastDeadline(now, deadlineMillis)) {
        overdue++;
      }
    }
    return abandoned.size() + overdue;
  }

  @Override
  public void close() {
    background.shutdownNow();
  }
}
