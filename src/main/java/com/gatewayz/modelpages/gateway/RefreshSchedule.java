package com.gatewayz.modelpages.gateway;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * How the refresh runs on this node, for {@code GET /api/gateways}: which scheduler (the EJB timer
 * on Payara, a scheduler thread on Tomcat, or none), the interval, and how many runs took place.
 */
public final class RefreshSchedule implements Consumer<RefreshSummary> {

  private final String scheduler;
  private final int intervalSeconds;
  private final AtomicLong runs = new AtomicLong();
  private final AtomicReference<Instant> lastRun = new AtomicReference<>();

  public RefreshSchedule(String scheduler, int intervalSeconds) {
    this.scheduler = scheduler;
    this.intervalSeconds = intervalSeconds;
  }

  /**
   * The scheduler's kind as the API shows it: {@code ejb-timer}, {@code executor} or {@code off}.
   */
  public static String kindOf(IntervalScheduler scheduler) {
    if (scheduler == null) {
      return "off";
    }
    return scheduler instanceof ExecutorScheduler ? "executor" : "ejb-timer";
  }

  @Override
  public void accept(RefreshSummary summary) {
    if (!summary.alreadyRunning()) {
      runs.incrementAndGet();
      lastRun.set(summary.startedAt());
    }
  }

  public String scheduler() {
    return scheduler;
  }

  public int intervalSeconds() {
    return intervalSeconds;
  }

  public long runs() {
    return runs.get();
  }

  /** When the last run started, or null before the first. */
  public Instant lastRun() {
    return lastRun.get();
  }
}
