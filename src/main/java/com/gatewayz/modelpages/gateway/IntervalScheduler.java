package com.gatewayz.modelpages.gateway;

/**
 * Runs a job at a fixed interval: an EJB timer on Payara, a scheduled executor on plain Tomcat.
 * Free of {@code jakarta.ejb} types so Tomcat can load it.
 */
public interface IntervalScheduler {

  /** Runs {@code job} after {@code initialDelayMillis}, then every {@code intervalMillis}. */
  void schedule(long initialDelayMillis, long intervalMillis, Runnable job);

  /** Stops the schedule; a run in progress finishes. */
  void cancel();
}
