package com.gatewayz.modelpages.isr;

import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of the page cache and a window of recent render times for percentiles. Counting is
 * lock-free; the render window is a small ring written under its own monitor (renders are rare next
 * to hits).
 */
public final class CacheStats {

  private static final int WINDOW = 1024;

  private final LongAdder hits = new LongAdder();
  private final LongAdder stales = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final LongAdder renders = new LongAdder();
  private final LongAdder renderErrors = new LongAdder();
  private final LongAdder rendersReplaced = new LongAdder();
  private final LongAdder[] revalidations = {new LongAdder(), new LongAdder(), new LongAdder()};
  private final long[] renderNanos = new long[WINDOW];
  private int renderCount;
  private volatile RenderListener listener = (nanos, ok) -> {};

  /** Told of each finished render (metrics). */
  public interface RenderListener {
    void rendered(long nanos, boolean succeeded);
  }

  public void setRenderListener(RenderListener listener) {
    this.listener = listener;
  }

  void hit() {
    hits.increment();
  }

  void stale() {
    stales.increment();
  }

  void miss() {
    misses.increment();
  }

  void revalidated(Revalidation trigger) {
    revalidations[trigger.ordinal()].increment();
  }

  /** Re-renders of cached pages started for {@code trigger}. */
  public long revalidations(Revalidation trigger) {
    return revalidations[trigger.ordinal()].sum();
  }

  void renderStarted() {
    renders.increment();
  }

  void renderFailed(long nanos) {
    renderErrors.increment();
    listener.rendered(nanos, false);
  }

  void renderSucceeded(long nanos) {
    synchronized (renderNanos) {
      renderNanos[renderCount % WINDOW] = nanos;
      renderCount++;
    }
    listener.rendered(nanos, true);
  }

  void renderReplaced() {
    rendersReplaced.increment();
  }

  /** Renders replaced by a new one after running past their deadline. */
  public long rendersReplaced() {
    return rendersReplaced.sum();
  }

  public long hits() {
    return hits.sum();
  }

  public long stales() {
    return stales.sum();
  }

  public long misses() {
    return misses.sum();
  }

  public long renders() {
    return renders.sum();
  }

  public long renderErrors() {
    return renderErrors.sum();
  }

  /** Hits and stales over all cached-page requests; 0 before the first request. */
  public double hitRatio() {
    long served = hits() + stales();
    long total = served + misses();
    return total == 0 ? 0 : (double) served / total;
  }

  /** The {@code percentile} (0–100) of recent successful render times, in milliseconds. */
  public double renderMillis(double percentile) {
    long[] window;
    synchronized (renderNanos) {
      window = Arrays.copyOf(renderNanos, Math.min(renderCount, WINDOW));
    }
    if (window.length == 0) {
      return 0;
    }
    Arrays.sort(window);
    int index = (int) Math.ceil(percentile / 100.0 * window.length) - 1;
    return window[Math.max(0, Math.min(index, window.length - 1))] / 1_000_000.0;
  }
}
