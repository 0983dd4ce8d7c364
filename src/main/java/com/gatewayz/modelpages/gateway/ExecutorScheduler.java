package com.gatewayz.modelpages.gateway;

import com.gatewayz.modelpages.platform.DaemonThreads;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The schedule on plain Tomcat, which has no EJB timers: daemon threads, one per job, so a refresh
 * waiting on a slow gateway never holds back another job.
 */
final class ExecutorScheduler implements IntervalScheduler {

  private static final Logger LOG = Logger.getLogger(ExecutorScheduler.class.getName());
  private static final int THREADS = 2;

  private final ScheduledExecutorService executor =
      Executors.newScheduledThreadPool(THREADS, DaemonThreads.named("model-pages-schedule"));
  private final Map<String, ScheduledFuture<?>> jobs = new ConcurrentHashMap<>();

  @Override
  public void schedule(String name, long initialDelayMillis, long intervalMillis, Runnable job) {
    // Fixed rate keeps one run per interval; a task never overlaps itself.
    ScheduledFuture<?> scheduled =
        executor.scheduleAtFixedRate(
            () -> runSafely(name, job), initialDelayMillis, intervalMillis, TimeUnit.MILLISECONDS);
    ScheduledFuture<?> previous = jobs.put(name, scheduled);
    if (previous != null) {
      previous.cancel(false);
    }
    LOG.info("[Schedule] " + name + " every " + intervalMillis / 1000 + " s by a scheduler thread");
  }

  private static void runSafely(String name, Runnable job) {
    try {
      job.run();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "[Schedule] " + name + " failed", e);
    }
  }

  @Override
  public void cancel() {
    executor.shutdownNow();
  }
}
