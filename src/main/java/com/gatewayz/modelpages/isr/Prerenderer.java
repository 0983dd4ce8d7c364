package com.gatewayz.modelpages.isr;

import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Pre-renders the most popular pages at start-up, like a static build: one log line per page with
 * its render time, then a summary. Pages still fresh in the persistent cache are skipped. Until
 * every page was attempted the application is not ready.
 */
public final class Prerenderer {

  private static final Logger LOG = Logger.getLogger(Prerenderer.class.getName());

  private final PageCache cache;
  private volatile int total = -1;
  private volatile int attempted;
  private volatile boolean finished;

  Prerenderer(PageCache cache) {
    this.cache = cache;
  }

  /** Renders {@code keys} in order in the calling thread. */
  void run(List<String> keys) {
    cache.markPrerendered(keys);
    total = keys.size();
    long start = System.nanoTime();
    int rendered = 0;
    int skipped = 0;
    int failed = 0;
    for (String key : keys) {
      switch (prerender(key)) {
        case RENDERED -> rendered++;
        case SKIPPED -> skipped++;
        case FAILED -> failed++;
      }
      attempted++;
    }
    finished = true;
    LOG.info(
        String.format(
            Locale.ROOT,
            "[ISR] Pre-render finished: %d pages (%d rendered, %d still valid, %d failed) in %.1f s",
            keys.size(),
            rendered,
            skipped,
            failed,
            (System.nanoTime() - start) / 1e9));
  }

  private enum Outcome {
    RENDERED,
    SKIPPED,
    FAILED
  }

  private Outcome prerender(String key) {
    if (cache.lookup(key).state() == Lookup.State.FRESH) {
      LOG.info("[ISR] \u25CB " + key + " (still valid, skipped)");
      return Outcome.SKIPPED;
    }
    long start = System.nanoTime();
    try {
      CachedPage page = cache.renderAndStore(key);
      LOG.info(
          String.format(
              Locale.ROOT,
              "[ISR] \u25CF %s %d %.1f ms %d B gzip",
              key,
              page.status(),
              (System.nanoTime() - start) / 1e6,
              page.gzipLength()));
      return Outcome.RENDERED;
    } catch (RenderFailedException e) {
      LOG.log(Level.WARNING, "[ISR] \u2717 " + key + " failed: " + e.getMessage());
      return Outcome.FAILED;
    }
  }

  /** True once every pre-render key was attempted. */
  public boolean isFinished() {
    return finished;
  }

  /** {@code prerendering 12/50}, for the readiness check. */
  public String progress() {
    return total < 0 ? "prerendering not started" : "prerendering " + attempted + "/" + total;
  }

  void skip() {
    total = 0;
    finished = true;
  }
}
