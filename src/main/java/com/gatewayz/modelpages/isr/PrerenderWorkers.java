package com.gatewayz.modelpages.isr;

import com.gatewayz.modelpages.platform.DaemonThreads;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs the pre-render of a list of keys on a bounded number of threads: the calling thread and up
 * to {@code threads - 1} daemon threads of a pool that lives for one pass. Keys are started in list
 * order (the most popular first), each by whichever thread is free; single flight stays with the
 * {@link Regenerator} the action goes through. A render is mostly CPU, so more threads than cores
 * would only queue on them.
 */
final class PrerenderWorkers {

  /** One per core: a render is CPU work, and the request threads get the cores back after. */
  static final int DEFAULT_THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());

  private final int threads;

  PrerenderWorkers(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("pre-render threads must be at least 1: " + threads);
    }
    this.threads = threads;
  }

  /**
   * Runs {@code action} on every key, at most {@code threads} at once, and returns when all ended.
   * The first {@link Throwable} an action throws (the action handles a page's own failures) stops
   * the threads from starting further keys and is thrown here once they all stopped; an interrupt
   * of the calling thread stops the pass the same way.
   */
  void forEach(List<String> keys, Consumer<String> action) {
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Runnable worker = () -> work(keys, action, next, thrown);
    int helpers = Math.min(threads, keys.size()) - 1;
    if (helpers <= 0) {
      worker.run();
    } else {
      runWithHelpers(worker, helpers, thrown);
    }
    rethrow(thrown.get());
  }

  private static void work(
      List<String> keys,
      Consumer<String> action,
      AtomicInteger next,
      AtomicReference<Throwable> thrown) {
    while (thrown.get() == null) {
      if (Thread.currentThread().isInterrupted()) {
        thrown.compareAndSet(null, new InterruptedException("pre-render interrupted"));
        return;
      }
      int index = next.getAndIncrement();
      if (index >= keys.size()) {
        return;
      }
      try {
        action.accept(keys.get(index));
      } catch (Throwable e) {
        thrown.compareAndSet(null, e);
      }
    }
  }

  private static void runWithHelpers(
      Runnable worker, int helpers, AtomicReference<Throwable> thrown) {
    ExecutorService pool =
        Executors.newFixedThreadPool(helpers, DaemonThreads.named("isr-prerender"));
    try {
      for (int i = 0; i < helpers; i++) {
        pool.execute(worker);
      }
      worker.run();
      pool.shutdown();
      while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
        // The helpers end with their last page; a render has its own deadline.
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      thrown.compareAndSet(null, e);
    } finally {
      // Only ever does something when the caller was interrupted: the helpers stop too.
      pool.shutdownNow();
    }
  }

  private static void rethrow(Throwable thrown) {
    if (thrown == null) {
      return;
    }
    if (thrown instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (thrown instanceof Error error) {
      throw error;
    }
    throw new IllegalStateException("pre-render stopped", thrown);
  }
}
