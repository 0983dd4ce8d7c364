package com.gatewayz.modelpages.isr;

import java.time.Clock;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * Single-flight regeneration: at most one render per key at a time, whether a request missed, a
 * page is pre-rendered or a stale page is revalidated in the background; every other caller waits
 * for that render. The one retry of the engine lives here: a caller whose render (its own or the
 * one it waited for) was overtaken by a purge renders again, up to {@value #MAX_ATTEMPTS} times. A
 * request never waits behind the background queue: it renders a queued flight of its key itself. A
 * render running past its deadline (on the clock) is stuck: the next caller replaces it with a
 * render of its own, unless too many replaced renders still hang, then callers get a 503 at once.
 * Failed background renders of a key back off (30 s, doubling to 10 min) while its stale page keeps
 * being served.
 */
final class Regenerator {

  static final int MAX_ATTEMPTS = 3;

  private static final Logger LOG = Logger.getLogger(Regenerator.class.getName());
  // A waiter looks at its flight's deadline this often; the deadline itself is judged on the clock.
  private static final long WAIT_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

  private final PageCache cache;
  private final Renders renders;
  private final CacheStats stats;
  private final Executor background;
  private final Clock clock;
  private final long waitMillis;
  private final long deadlineMillis;
  private final int maxStuck;
  private final ConcurrentHashMap<String, Flight> flights = new ConcurrentHashMap<>();
  // Replaced flights whose render has not returned yet.
  private final Set<Flight> abandoned = ConcurrentHashMap.newKeySet();
  private final Backoffs backoffs;

  Regenerator(
      PageCache cache,
      Renders renders,
      CacheStats stats,
      Executor background,
      Clock clock,
      IsrOptions options) {
    this.cache = cache;
    this.renders = renders;
    this.stats = stats;
    this.background = background;
    this.clock = clock;
    this.waitMillis = options.renderWaitMillis();
    this.deadlineMillis = options.renderDeadlineMillis();
    this.maxStuck = options.maxStuckRenders();
    this.backoffs = new Backoffs(clock);
  }

  /** As {@link #renderNow(PageKey)} for a stored key's text (pre-render, tests). */
  CachedPage renderNow(String key) throws RenderFailedException {
    return renderNow(renders.keyOf(key));
  }

  /**
   * Renders {@code key} in this thread, or waits (bounded) for the render already running: a queued
   * background render is taken over, a stuck one replaced. What it returns was valid when it
   * returned: a render a purge overtook is done again, up to {@value #MAX_ATTEMPTS} renders.
   */
  CachedPage renderNow(PageKey key) throws RenderFailedException {
    long waitUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      CachedPage page = renderOrJoin(key, waitUntil);
      if (cache.isValid(page)) {
        return page;
      }
    }
    throw new RenderFailedException(
        key.value(), "purged during each of " + MAX_ATTEMPTS + " renders");
  }

  private CachedPage renderOrJoin(PageKey key, long waitUntil) throws RenderFailedException {
    while (true) {
      Flight mine = Flight.running(clock.millis());
      Flight current = flights.putIfAbsent(key.value(), mine);
      if (current == null) {
        return lead(key, mine);
      }
      Flight led = takeOver(key.value(), current, mine);
      if (led != null) {
        return lead(key, led);
      }
      CachedPage page = await(key.value(), current, waitUntil);
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
    stats.renderReplaced();
    LOG.warning(
        "[ISR] render of " + key + " still running after " + deadlineMillis + " ms: replaced");
    return true;
  }

  /**
   * Starts one background render of {@code key} unless one is running (and not stuck) or the key is
   * backing off after failures. Returns whether a render was queued.
   */
  boolean revalidateLater(String key, Revalidation trigger) {
    return revalidateLater(key, null, trigger);
  }

  /** As {@link #revalidateLater(String, Revalidation)} with the request's key. */
  boolean revalidateLater(PageKey key, Revalidation trigger) {
    return revalidateLater(key.value(), key, trigger);
  }

  // A key known only by its text is parsed on the render thread, never on a STALE hit.
  private boolean revalidateLater(String key, PageKey parsed, Revalidation trigger) {
    Flight current = flights.get(key);
    // Every STALE hit lands here while the render runs: answer those without allocating a flight.
    if (current != null && !current.isPastDeadline(clock.millis(), deadlineMillis)) {
      return false;
    }
    if (backoffs.remaining(key) > 0) {
      return false;
    }
    Flight mine = Flight.queued();
    if (!place(key, current, mine)) {
      return false;
    }
    try {
      background.execute(() -> runQueued(parsed != null ? parsed : renders.keyOf(key), mine));
      stats.revalidated(trigger);
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

  // One render: a purge that overtakes it leaves the key to the next request or warm-up.
  private void runQueued(PageKey key, Flight flight) {
    if (!flight.start(clock.millis())) {
      return; // a request took it over
    }
    try {
      lead(key, flight);
    } catch (RenderFailedException e) {
      backoffs.failed(key.value());
    }
  }

  private CachedPage lead(PageKey pageKey, Flight flight) throws RenderFailedException {
    String key = pageKey.value();
    try {
      CachedPage page = renders.renderOnce(pageKey, flight::isAbandoned);
      backoffs.succeeded(key);
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

  /** Milliseconds until {@code key} may be retried in the background; 0 when it may now. */
  long backoffRemaining(String key) {
    return backoffs.remaining(key);
  }

  /**
   * Renders running past their deadline now: replaced ones still hanging and overdue current ones.
   */
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
}
