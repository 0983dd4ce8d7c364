package com.gatewayz.modelpages.isr;

import com.gatewayz.modelpages.platform.DaemonThreads;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The engine's threads: the background renders, a maintenance thread for periodic checks, and the
 * pre-render pass. {@link #close()} stops them all within about a second, so a stop reaches the
 * storage's close (the clean mark of the disk tier) quickly.
 */
final class EngineThreads implements AutoCloseable {

  private static final int BACKGROUND_THREADS = 2;
  private static final int BACKGROUND_QUEUE = 10_000;

  private final ExecutorService background;
  private final ScheduledExecutorService maintenance =
      Executors.newSingleThreadScheduledExecutor(DaemonThreads.single("isr-maintenance"));
  private volatile Thread prerender;

  /**
   * @param background where background renders run (tests pass one they drive by hand)
   */
  EngineThreads(ExecutorService background) {
    this.background = background;
  }

  /** Two daemon render threads over a bounded queue; a full queue rejects. */
  static ExecutorService backgroundRenders() {
    return new ThreadPoolExecutor(
        BACKGROUND_THREADS,
        BACKGROUND_THREADS,
        30,
        TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(BACKGROUND_QUEUE),
        DaemonThreads.named("isr-render"),
        new ThreadPoolExecutor.AbortPolicy());
  }

  ExecutorService background() {
    return background;
  }

  /** Runs {@code check} on the maintenance thread every {@code seconds}. */
  void every(long seconds, Runnable check) {
    maintenance.scheduleWithFixedDelay(check, seconds, seconds, TimeUnit.SECONDS);
  }

  /** Runs the pre-render pass on a daemon thread of its own. */
  void startPrerender(Runnable pass) {
    Thread thread = new Thread(pass, "isr-prerender");
    thread.setDaemon(true);
    prerender = thread;
    thread.start();
  }

  @Override
  public void close() {
    maintenance.shutdownNow();
    background.shutdownNow();
    Thread thread = prerender;
    try {
      if (thread != null) {
        thread.interrupt();
        thread.join(1_000);
      }
      background.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
