package com.gatewayz.modelpages.boot;

import com.gatewayz.modelpages.catalog.CatalogService;
import com.gatewayz.modelpages.platform.DaemonThreads;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * In a cluster, checks every second whether another node changed the shared catalog, so this node's
 * live feed announces it without waiting for a request (requests check by themselves).
 */
final class CatalogFollower implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(CatalogFollower.class.getName());
  static final long PERIOD_MILLIS = 1_000;

  private final ScheduledExecutorService executor;

  private CatalogFollower(ScheduledExecutorService executor) {
    this.executor = executor;
  }

  static CatalogFollower start(CatalogService catalog) {
    ScheduledExecutorService executor =
        Executors.newSingleThreadScheduledExecutor(DaemonThreads.single("catalog-follower"));
    executor.scheduleWithFixedDelay(
        () -> follow(catalog), PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    return new CatalogFollower(executor);
  }

  private static void follow(CatalogService catalog) {
    try {
      catalog.current();
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "[Cluster] following the shared catalog failed", e);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
