package com.gatewayz.modelpages.isr;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Pre-renders the most popular pages at start-up, like a static build: one log line per page with
 * its render time, then a summary. Pages still fresh in the persistent cache are skipped. The
 * application is ready once every page was attempted and at least {@link #READY_RATIO} of them are
 * in the cache (rendered, 404 included, or still valid). Failed pages, or a pass stopped by any
 * {@link Throwable}, are tried again in the background after 30 s, doubling to 10 min, until that
 * holds: readiness recovers by itself. Thread-safe.
 */
public final class Prerenderer {

  /** The share of pre-render pages that must be in the cache for the application to be ready. */
  public static final double READY_RATIO = 0.8;

  private static final Logger LOG = Logger.getLogger(Prerenderer.class.getName());
  private static final int MAX_REASON = 300;

  private final PageCache cache;
  private final Regenerator regenerator;
  private final PrerenderedKeys prerendered;
  private final Supplier<List<String>> popularKeys;
  private final Runnable warmUp;
  private final Executor retries;
  private final Clock clock;
  private final PrerenderWorkers workers;
  private final Set<String> failed = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean retryQueued = new AtomicBoolean();
  private volatile int total = -1;
  private final AtomicInteger attempted = new AtomicInteger();
  private volatile boolean finished;
  private volatile String lastFailure;
  private volatile String stoppedBy;
  private volatile int failedPasses;
  private volatile long nextRetryAt;

  /** Whether the application may take traffic, and if not why. */
  public record Readiness(boolean ready, String reason) {}

  /**
   * @param warmUp run after each pass (the renderer's {@link PageRenderer#warmUp()})
   * @param retries where retries of failed pages run
   * @param workers how many pages are pre-rendered at once
   */
  Prerenderer(
      PageCache cache,
      Regenerator regenerator,
      PrerenderedKeys prerendered,
      Supplier<List<String>> popularKeys,
      Runnable warmUp,
      Executor retries,
      Clock clock,
      PrerenderWorkers workers) {
    this.cache = cache;
    this.regenerator = regenerator;
    this.prerendered = prerendered;
    this.popularKeys = popularKeys;
    this.warmUp = warmUp;
    this.retries = retries;
    this.clock = clock;
    this.workers = workers;
  }

  /**
   * Runs {@code first} (waiting for the server), then pre-renders on the calling thread and the
   * workers' threads, most popular first. Never throws.
   */
  void run(Runnable first) {
    try {
      first.run();
      run(popularKeys.get());
    } catch (Throwable e) {
      stopped(e);
    }
  }

  private void run(List<String> keys) {
    prerendered.mark(keys);
    failed.clear();
    attempted.set(0);
    total = keys.size();
    stoppedBy = null;
    finished = false;
    long start = System.nanoTime();
    AtomicInteger skippedCount = new AtomicInteger();
    workers.forEach(
        keys,
        key -> {
          if (prerender(key) == Outcome.SKIPPED) {
            skippedCount.incrementAndGet();
          }
          attempted.incrementAndGet();
        });
    int skipped = skippedCount.get();
    finished = true;
    LOG.info(
        String.format(
            Locale.ROOT,
            "[ISR] Pre-render finished: %d pages (%d rendered, %d still valid, %d failed) in %.1f s",
            keys.size(),
            keys.size() - skipped - failed.size(),
            skipped,
            failed.size(),
            (System.nanoTime() - start) / 1e9));
    passEnded();
    // After the pass, not during it: compiling views beside it slowed it down on two cores.
    warmUp.run();
  }

  private enum Outcome {
    RENDERED,
    SKIPPED,
    FAILED
  }

  private Outcome prerender(String key) {
    if (cache.lookup(key).state() == Lookup.State.FRESH) {
      LOG.info("[ISR] \u25CB " + key + " (still valid, skipped)");
      failed.remove(key);
      return Outcome.SKIPPED;
    }
    long start = System.nanoTime();
    try {
      // Through single flight: a page a request is rendering now is not rendered twice.
      CachedPage page = regenerator.renderNow(key);
      LOG.info(renderedLine(key, page, System.nanoTime() - start));
      failed.remove(key);
      return Outcome.RENDERED;
    } catch (Throwable e) {
      // One page's trouble; the JVM's own (out of memory) stops the pass, to be retried whole.
      if (e instanceof VirtualMachineError fatal && !(e instanceof StackOverflowError)) {
        throw fatal;
      }
      lastFailure = e instanceof RenderFailedException ? e.getMessage() : key + ": " + e;
      LOG.log(Level.WARNING, "[ISR] \u2717 " + lastFailure);
      failed.add(key);
      return Outcome.FAILED;
    }
  }

  // "[ISR] ● <key> <status> <ms, one decimal> ms <n> B gzip", without a Formatter: one per page.
  static String renderedLine(String key, CachedPage page, long nanos) {
    long tenths = (nanos + 50_000) / 100_000;
    return new StringBuilder(key.length() + 48)
        .append("[ISR] \u25CF ")
        .append(key)
        .append(' ')
        .append(page.status())
        .append(' ')
        .append(tenths / 10)
        .append('.')
        .append(tenths % 10)
        .append(" ms ")
        .append(page.gzipLength())
        .append(" B gzip")
        .toString();
  }

  private void stopped(Throwable e) {
    LOG.log(Level.SEVERE, "[ISR] Pre-render stopped", e);
    stoppedBy = e.toString();
    finished = true;
    passEnded();
  }

  private void passEnded() {
    if (isReady()) {
      if (failedPasses > 0) {
        LOG.info(
            "[ISR] Pre-render recovered: "
                + (total - failed.size())
                + " of "
                + total
                + " pages ready");
      }
      failedPasses = 0;
      return;
    }
    failedPasses++;
    nextRetryAt = clock.millis() + Backoffs.backoffMillis(failedPasses);
    LOG.warning("[ISR] Not ready: " + reason());
  }

  /**
   * Queues the retry of what failed once its back-off passed on the clock (called every few seconds
   * by the engine's maintenance thread). Never throws.
   */
  void retryIfDue() {
    if (!finished
        || isReady()
        || clock.millis() < nextRetryAt
        || !retryQueued.compareAndSet(false, true)) {
      return;
    }
    try {
      retries.execute(this::retry);
    } catch (RejectedExecutionException e) {
      retryQueued.set(false);
    }
  }

  private void retry() {
    try {
      if (stoppedBy != null) {
        run(() -> {});
      } else {
        retryFailed();
      }
    } finally {
      retryQueued.set(false);
    }
  }

  private void retryFailed() {
    try {
      workers.forEach(List.copyOf(failed), this::prerender);
      passEnded();
    } catch (Throwable e) {
      stopped(e);
    }
  }

  private boolean isReady() {
    return finished
        && stoppedBy == null
        && (total == 0 || total - failed.size() >= READY_RATIO * total);
  }

  /**
   * UP once enough pre-render pages are in the cache; otherwise DOWN with progress or the failure.
   */
  public Readiness readiness() {
    if (isReady()) {
      return new Readiness(true, null);
    }
    return new Readiness(false, bounded(reason()));
  }

  private String reason() {
    if (stoppedBy != null) {
      return "prerender stopped: " + stoppedBy + "; " + retryWhen();
    }
    if (!finished) {
      return total < 0
          ? "prerendering not started"
          : "prerendering " + attempted.get() + "/" + total;
    }
    return "prerender: "
        + failed.size()
        + " of "
        + total
        + " pages failed (last: "
        + lastFailure
        + "); "
        + retryWhen();
  }

  private String retryWhen() {
    if (retryQueued.get()) {
      return "retrying now";
    }
    long seconds = Math.max(0, (nextRetryAt - clock.millis() + 999) / 1000);
    return "next retry in " + seconds + " s";
  }

  private static String bounded(String reason) {
    return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON) + "...";
  }

  /** True once a pre-render pass ended (every page attempted, or the pass stopped). */
  public boolean isFinished() {
    return finished;
  }

  void skip() {
    total = 0;
    finished = true;
  }
}
