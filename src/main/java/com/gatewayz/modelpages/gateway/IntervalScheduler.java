package com.gatewayz.modelpages.gateway;

/**
 * Runs named jobs at fixed intervals: EJB timers on Payara, a scheduled executor on plain Tomcat.
 * Free of {@code jakarta.ejb} types so Tomcat can load it. Each job runs on its own, so a slow
 * gateway refresh never delays another job; a job never overlaps itself.
 */
public interface IntervalScheduler {

  /**
   * Runs {@code job} after {@code initialDelayMillis}, then every {@code intervalMillis}; replaces
   * a job scheduled earlier under the same {@code name}.
   */
  void schedule(String name, long initialDelayMillis, long intervalMillis, Runnable job);

  /** Stops every job; a run in progress finishes. */
  void cancel();
}
