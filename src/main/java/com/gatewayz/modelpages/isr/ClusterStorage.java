package com.gatewayz.modelpages.isr;

import com.gatewayz.modelpages.platform.DaemonThreads;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ehcache.core.statistics.TierStatistics;

/**
 * The cache of a cluster node: local heap tiers over Ehcache's clustered tier on a Terracotta
 * server, shared by every node (the clustered tier replaces the local off-heap and disk tiers).
 * Pages are eventually consistent (their validity comes from the tag clock); the tag clock and the
 * shared catalog are strongly consistent. A probe reads from the server every sixth of {@code
 * detachAfter}; when the node is cut off ({@link ClusterGuard}) it renders every page and refuses
 * purges until a fresh connection, with empty heap tiers, has joined the cluster again.
 */
final class ClusterStorage implements Storage {

  private static final Logger LOG = Logger.getLogger(ClusterStorage.class.getName());
  // How often a node looks whether its heap tier shows a new version to confirm: a heap read while
  // nothing changed, and what a purge in the cluster waits for at most when every node is well.
  private static final long CONFIRM_POLL_NANOS = 2_000_000;

  private final CacheSizing.Cluster cluster;
  private final ClusterConnection.Sizes sizes;
  private final ClusterGuard guard;
  private final LongSupplier nanoTime;
  private final ClusterStamps stamps;
  private final PageStore pages;
  private final TagClock tagClock;
  private final ClusterSharedState shared;
  private final ScheduledExecutorService monitor;
  private final ScheduledExecutorService confirmer;
  private volatile ScheduledFuture<?> confirming;
  private volatile ClusterConnection connection;

  private ClusterStorage(
      CacheSizing sizing,
      ClusterConnection connection,
      ClusterGuard guard,
      LongSupplier nanoTime,
      Clock clock) {
    this.cluster = sizing.cluster().orElseThrow();
    this.sizes = ClusterConnection.Sizes.of(sizing);
    this.connection = connection;
    this.guard = guard;
    this.nanoTime = nanoTime;
    long sent = nanoTime.getAsLong();
    this.stamps =
        new ClusterStamps(
            () -> this.connection.counters(),
            () -> this.connection.stamps(),
            guard,
            this::stampCount,
            new ClusterMembers(
                () -> this.connection.counters(),
                guard,
                cluster.detachAfter(),
                nanoTime,
                () -> LockSupport.parkNanos(CONFIRM_POLL_NANOS / 4)));
    stamps.attach(connection.counters());
    this.pages = new PageStore(() -> this.connection.pages(), guard);
    this.tagClock = new StampTable(stamps);
    this.shared =
        new ClusterSharedState(
            new Counters(() -> this.connection.counters()),
            () -> this.connection.shared(),
            guard,
            clock,
            stamps::epoch);
    guard.attached(sent);
    long period = Math.max(50, cluster.detachAfter().toMillis() / 6);
    this.monitor =
        Executors.newSingleThreadScheduledExecutor(DaemonThreads.single("cluster-monitor"));
    monitor.scheduleWithFixedDelay(this::probe, period, period, TimeUnit.MILLISECONDS);
    // Apart from the probe, which can wait a timeout on the server: a purge waits for this.
    this.confirmer =
        Executors.newSingleThreadScheduledExecutor(DaemonThreads.single("cluster-confirm"));
    this.confirming = confirmEvery();
  }

  private ScheduledFuture<?> confirmEvery() {
    return confirmer.scheduleWithFixedDelay(
        stamps::confirmSeenPurges, CONFIRM_POLL_NANOS, CONFIRM_POLL_NANOS, TimeUnit.NANOSECONDS);
  }

  /**
   * @param clock the time shared state is stamped with
   */
  static ClusterStorage open(CacheSizing sizing, Clock clock) {
    CacheSizing.Cluster cluster = sizing.cluster().orElseThrow();
    ClusterConnection connection =
        ClusterConnection.openAtStartup(ClusterConnection.Sizes.of(sizing), cluster);
    try {
      ClusterGuard guard =
          new ClusterGuard(cluster.uri().toString(), cluster.detachAfter(), System::nanoTime);
      return new ClusterStorage(sizing, connection, guard, System::nanoTime, clock);
    } catch (RuntimeException e) {
      connection.closeQuietly();
      throw new IllegalStateException(
          "the Terracotta server of MODEL_PAGES_CLUSTER_URI="
              + cluster.uri()
              + " did not answer: "
              + e.getMessage(),
          e);
    }
  }

  // A read that times out answers "absent" after the timeout: only a quicker answer counts.
  private void probe() {
    confirmingOrDetach();
    if (guard.isDetached()) {
      reconnect();
      return;
    }
    long sent = nanoTime.getAsLong();
    try {
      boolean holdsEpoch = stamps.probe();
      if (nanoTime.getAsLong() - sent >= cluster.timeout().toNanos()) {
        guard.checkDeadline();
      } else if (holdsEpoch) {
        guard.answered(sent);
      } else {
        guard.detach("the server lost the shared state: it restarted empty");
      }
    } catch (RuntimeException e) {
      guard.failed(e);
      guard.checkDeadline();
    }
  }

  // A node that stopped confirming purges is not waited for once its slot is marked gone: it must
  // not keep trusting its heap tier. The confirming task only ends when something escaped it.
  private void confirmingOrDetach() {
    ScheduledFuture<?> task = confirming;
    if (task.isDone() && !confirmer.isShutdown()) {
      guard.detach("the thread confirming purges stopped: " + failureOf(task));
      confirming = confirmEvery();
    }
  }

  private static String failureOf(ScheduledFuture<?> task) {
    try {
      task.get();
      return "it ended";
    } catch (ExecutionException e) {
      return String.valueOf(e.getCause());
    } catch (CancellationException e) {
      return "it was cancelled";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return String.valueOf(e);
    }
  }

  private void reconnect() {
    ClusterConnection fresh;
    try {
      fresh = ClusterConnection.open(sizes, cluster);
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "[Cluster] the Terracotta server is still out of reach", e);
      return;
    }
    long sent = nanoTime.getAsLong();
    try {
      stamps.attach(fresh.counters());
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "[Cluster] connected again but the server did not answer yet", e);
      fresh.closeInBackground();
      return;
    }
    ClusterConnection old = connection;
    connection = fresh;
    guard.attached(sent);
    old.closeInBackground();
  }

  @Override
  public PageStore pages() {
    return pages;
  }

  @Override
  public TagClock tagClock() {
    return tagClock;
  }

  @Override
  public SharedState shared() {
    return shared;
  }

  @Override
  public long entryCount() {
    return mappings(CacheStorage.PAGES);
  }

  private int stampCount() {
    return (int) Math.max(0, mappings(ClusterConnection.STAMPS));
  }

  private long mappings(String cache) {
    Map<String, TierStatistics> tiers =
        connection.statistics().getCacheStatistics(cache).getTierStatistics();
    for (String tier : new String[] {"Clustered", "OnHeap"}) {
      TierStatistics stats = tiers.get(tier);
      if (stats != null && stats.getMappings() >= 0) {
        return stats.getMappings();
      }
    }
    return 0;
  }

  /** Server round trips of the tag clock's reads so far on this connection (heap-tier misses). */
  long stampServerReads() {
    long reads = 0;
    for (String cache : new String[] {ClusterConnection.COUNTERS, ClusterConnection.STAMPS}) {
      TierStatistics clustered =
          connection.statistics().getCacheStatistics(cache).getTierStatistics().get("Clustered");
      reads += clustered.getHits() + clustered.getMisses();
    }
    return reads;
  }

  /**
   * The key of this connection's slot among the nodes that confirm purges ({@link ClusterMembers}).
   */
  String memberSlotKey() {
    return stamps.memberSlotKey();
  }

  /** The connection in use (tests act on the server through it as another node would). */
  ClusterConnection connection() {
    return connection;
  }

  // The monitor first (it could reconnect and take a slot), then the confirming thread; then the
  // node gives up its slot, trusting its heap tier no more.
  @Override
  public void close() {
    for (ScheduledExecutorService executor : new ScheduledExecutorService[] {monitor, confirmer}) {
      executor.shutdownNow();
      try {
        executor.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    guard.closing();
    stamps.leave();
    connection.closeQuietly();
  }
}
