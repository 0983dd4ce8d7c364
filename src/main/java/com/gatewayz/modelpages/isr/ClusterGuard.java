package com.gatewayz.modelpages.isr;

import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps requests fast when the Terracotta server is gone: the first cluster call that fails, or
 * that ran into Ehcache's timeout (Ehcache then answers as if the key were absent instead of
 * failing), marks the cluster lost (logged once); every later call takes its local fallback at
 * once, until {@link #restored()} after a successful probe. In local mode ({@link #LOCAL}) calls run
 * unguarded.
 */
class ClusterGuard {

  /** A call this slow hit a timeout: normal calls take milliseconds. */
  static final long SLOW_NANOS = 280_000_000L;

  private static final Logger LOG = Logger.getLogger(ClusterGuard.class.getName());

  /** For a single node: nothing to guard, failures propagate. */
  static final ClusterGuard LOCAL =
      new ClusterGuard("local") {
        @Override
        <T> T call(Supplier<T> operation, Supplier<T> fallback) {
          return operation.get();
        }
      };

  private final String server;
  private volatile boolean available = true;

  ClusterGuard(String server) {
    this.server = server;
  }

  /** Runs {@code operation} against the cluster, or {@code fallback} when it is, or just became, lost. */
  <T> T call(Supplier<T> operation, Supplier<T> fallback) {
    if (!available) {
      return fallback.get();
    }
    long start = System.nanoTime();
    T result;
    try {
      result = operation.get();
    } catch (RuntimeException e) {
      lost(e);
      return fallback.get();
    }
    long nanos = System.nanoTime() - start;
    if (nanos > SLOW_NANOS) {
      lost(new java.util.concurrent.TimeoutException("a call to the cluster took " + nanos / 1_000_000 + " ms"));
      // A slow answer of "absent" may be Ehcache's timeout speaking: trust only real values.
      return result != null ? result : fallback.get();
    }
    return result;
  }

  void run(Runnable operation) {
    call(
        () -> {
          operation.run();
          return null;
        },
        () -> null);
  }

  boolean isAvailable() {
    return available;
  }

  void lost(Throwable cause) {
    if (available) {
      available = false;
      LOG.log(
          Level.WARNING,
          "[Cluster] lost the Terracotta server " + server + " (" + cause + "); serving by rendering until it is back");
    }
  }

  void restored() {
    if (!available) {
      available = true;
      LOG.info("[Cluster] the Terracotta server " + server + " is back; using the shared cache again");
    }
  }
}
