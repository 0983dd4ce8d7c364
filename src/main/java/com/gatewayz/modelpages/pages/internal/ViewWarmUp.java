package com.gatewayz.modelpages.pages.internal;

import com.gatewayz.modelpages.platform.DaemonThreads;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Compiles every view at deploy on one thread per core but one, the named views first, so a
 * visitor's first index or 404 page finds its view compiled, or waits only for the compile already
 * running (the container compiles a view once, other callers wait for it). Nothing is rendered:
 * each compile is the JSP precompilation protocol. A view that fails to compile here is only
 * logged; it is compiled again on its first render, as without a warm-up.
 */
public final class ViewWarmUp {

  private static final Logger LOG = Logger.getLogger(ViewWarmUp.class.getName());

  private ViewWarmUp() {}

  /** Starts compiling and returns at once; the future completes when every view was tried. */
  public static CompletableFuture<Void> start(JspViews views, List<String> first) {
    Set<String> order = new LinkedHashSet<>(first);
    order.addAll(views.names());
    // One core stays with the requests that arrive meanwhile.
    int threads =
        Math.max(1, Math.min(order.size(), Runtime.getRuntime().availableProcessors() - 1));
    ExecutorService pool =
        Executors.newFixedThreadPool(threads, DaemonThreads.named("jsp-compile"));
    Map<String, Long> millis = new ConcurrentHashMap<>();
    long start = System.nanoTime();
    List<CompletableFuture<Void>> compiles = new ArrayList<>();
    for (String view : order) {
      compiles.add(CompletableFuture.runAsync(() -> compile(views, view, millis), pool));
    }
    pool.shutdown(); // its threads end once the queued compiles ran
    return CompletableFuture.allOf(compiles.toArray(CompletableFuture[]::new))
        .thenRun(() -> LOG.info(summary(order, millis, threads, System.nanoTime() - start)));
  }

  private static void compile(JspViews views, String view, Map<String, Long> millis) {
    long start = System.nanoTime();
    try {
      views.compile(view);
      millis.put(view, (System.nanoTime() - start) / 1_000_000);
    } catch (Exception | LinkageError e) {
      LOG.log(
          Level.WARNING,
          "[Pages] compiling view " + view + " ahead failed; it compiles on first use",
          e);
    }
  }

  private static String summary(
      Set<String> order, Map<String, Long> millis, int threads, long nanos) {
    StringBuilder each = new StringBuilder();
    for (String view : order) {
      Long ms = millis.get(view);
      each.append(each.length() == 0 ? "" : ", ")
          .append(view)
          .append(' ')
          .append(ms == null ? "failed" : ms + " ms");
    }
    return String.format(
        Locale.ROOT,
        "[Pages] %d views compiled in %d ms on %d thread(s) (%s)",
        order.size(),
        nanos / 1_000_000,
        threads,
        each);
  }
}
