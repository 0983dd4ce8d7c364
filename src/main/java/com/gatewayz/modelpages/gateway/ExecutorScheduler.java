package com.gatewayz.modelpages.gateway;

import com.gatewayz.modelpages.platform.DaemonThreads;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The refresh schedule on plain Tomcat, which has no EJB timers: one daemon thread. */
public final class ExecutorScheduler implements IntervalScheduler {

  private static final Logger LOG = Logger.getLogger(ExecutorScheduler.class.getName());

  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(DaemonThreads.single("gateway-refresh"));

  @Override
  public void schedule(long initialDelayMillis, long intervalMillis, Runnable job) {
    // Fixed rate keeps one run per interval; runs never overlap on the single thread.
    executor.scheduleAtFixedRate(() -> runSafely(job), initialDelayMillis, intervalMillis, TimeUnit.MILLISECONDS);
    LOG.info("[Gateways] refresh scheduled every " + intervalMillis / 1000 + " s by a scheduler thread");
  }

  private static void runSafely(Runnable job) {
    try {
      job.run();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "[Gateways] refresh failed", e);
    }
  }

  @Override
  public void cancel() {
    executor.shutdownNow();
  }
}
