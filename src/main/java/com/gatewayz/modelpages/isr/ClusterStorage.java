package com.gatewayz.modelpages.isr;

import static org.ehcache.config.builders.CacheConfigurationBuilder.newCacheConfigurationBuilder;

import com.gatewayz.modelpages.platform.DaemonThreads;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ehcache.Cache;
import org.ehcache.CacheManager;
import org.ehcache.clustered.client.config.builders.ClusteredResourcePoolBuilder;
import org.ehcache.clustered.client.config.builders.ClusteredStoreConfigurationBuilder;
import org.ehcache.clustered.client.config.builders.ClusteringServiceConfigurationBuilder;
import org.ehcache.clustered.client.config.builders.TimeoutsBuilder;
import org.ehcache.clustered.common.Consistency;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.config.units.EntryUnit;
import org.ehcache.config.units.MemoryUnit;
import org.ehcache.core.internal.statistics.DefaultStatisticsService;
import org.ehcache.core.spi.service.StatisticsService;
import org.ehcache.core.statistics.TierStatistics;

/**
 * The cache of a cluster node: local heap tiers over Ehcache's clustered tier on a Terracotta
 * server, shared by every node (the clustered tier replaces the local off-heap and disk tiers).
 * Pages are eventually consistent (their validity comes from the tag clock); the counters, the
 * purge log and the shared catalog are strongly consistent. Short timeouts and a guard keep
 * requests under a second when the server is gone. When it is back the node connects afresh, so
 * its heap tiers start empty: nothing it kept from before can be acted on.
 */
final class ClusterStorage implements Storage {

  static final Duration READ_TIMEOUT = Duration.ofMillis(300);
  static final Duration WRITE_TIMEOUT = Duration.ofMillis(300);
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  static final long PROBE_MILLIS = 500;
  private static final String COUNTERS = "counters";
  private static final String PURGES = "purges";
  private static final String SHARED = "shared";
  private static final String PROBE = "probe";
  private static final Logger LOG = Logger.getLogger(ClusterStorage.class.getName());

  /** One connection to the server and the caches it carries. */
  private record Connection(
      CacheManager manager,
      StatisticsService statistics,
      Cache<String, CachedPage> pages,
      Cache<String, Long> counters,
      Cache<String, String> purges,
      Cache<String, byte[]> shared) {

    static Connection open(CacheSizing sizing) {
      StatisticsService statistics = new DefaultStatisticsService();
      CacheManager manager = configuration(sizing, sizing.cluster().orElseThrow()).using(statistics).build(true);
      return new Connection(
          manager,
          statistics,
          manager.getCache(CacheStorage.PAGES, String.class, CachedPage.class),
          manager.getCache(COUNTERS, String.class, Long.class),
          manager.getCache(PURGES, String.class, String.class),
          manager.getCache(SHARED, String.class, byte[].class));
    }
  }

  private final CacheSizing sizing;
  private final ClusterGuard guard;
  private final Counters counters;
  private final PageStore pages;
  private final ClusterTagClock tagClock;
  private final ClusterSharedState shared;
  private final ScheduledExecutorService monitor;
  private volatile Connection connection;

  private ClusterStorage(CacheSizing sizing, Connection connection, ClusterGuard guard) {
    this.sizing = sizing;
    this.connection = connection;
    this.guard = guard;
    this.counters = new Counters(() -> this.connection.counters());
    this.pages = new PageStore(() -> this.connection.pages(), guard);
    this.tagClock =
        new ClusterTagClock(counters, () -> this.connection.purges(), guard, LocalTagClock.DEFAULT_MAX_STAMPS);
    this.shared = new ClusterSharedState(counters, () -> this.connection.shared(), guard, Clock.systemUTC());
    this.monitor = Executors.newSingleThreadScheduledExecutor(DaemonThreads.single("cluster-monitor"));
    monitor.scheduleWithFixedDelay(this::probe, PROBE_MILLIS, PROBE_MILLIS, TimeUnit.MILLISECONDS);
  }

  static ClusterStorage open(CacheSizing sizing) {
    CacheSizing.Cluster cluster = sizing.cluster().orElseThrow();
    try {
      return new ClusterStorage(sizing, Connection.open(sizing), new ClusterGuard(cluster.uri().toString()));
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "cannot reach the Terracotta server of MODEL_PAGES_CLUSTER_URI=" + cluster.uri()
              + " (start it first, or unset the setting for a single node): " + e.getMessage(),
          e);
    }
  }

  private static CacheManagerBuilder<? extends CacheManager> configuration(CacheSizing sizing, CacheSizing.Cluster cluster) {
    return CacheManagerBuilder.newCacheManagerBuilder()
        .with(
            ClusteringServiceConfigurationBuilder.cluster(cluster.uri())
                .timeouts(TimeoutsBuilder.timeouts().read(READ_TIMEOUT).write(WRITE_TIMEOUT).connection(CONNECT_TIMEOUT))
                .autoCreateOnReconnect(server -> server.defaultServerResource(CacheSizing.Cluster.SERVER_RESOURCE)))
        .withCache(
            CacheStorage.PAGES,
            clustered(String.class, CachedPage.class, sizing.heapEntries(), cluster.pagesMb(), Consistency.EVENTUAL)
                .withValueSerializer(CachedPageSerializer.class))
        .withCache(COUNTERS, clustered(String.class, Long.class, 1_000, 8, Consistency.STRONG))
        .withCache(PURGES, clustered(String.class, String.class, 2_000, 16, Consistency.STRONG))
        .withCache(SHARED, clustered(String.class, byte[].class, 2, 64, Consistency.STRONG));
  }

  private static <K, V> CacheConfigurationBuilder<K, V> clustered(
      Class<K> key, Class<V> value, long heapEntries, long clusteredMb, Consistency consistency) {
    ResourcePoolsBuilder pools =
        ResourcePoolsBuilder.newResourcePoolsBuilder()
            .heap(heapEntries, EntryUnit.ENTRIES)
            .with(ClusteredResourcePoolBuilder.clusteredDedicated(CacheSizing.Cluster.SERVER_RESOURCE, clusteredMb, MemoryUnit.MB));
    return newCacheConfigurationBuilder(key, value, pools)
        .withService(ClusteredStoreConfigurationBuilder.withConsistency(consistency));
  }

  // Reads a key no heap tier holds, so it reaches the server: finds a lost server early. While it
  // is lost, tries a fresh connection; once that works, replays the purges made meanwhile.
  private void probe() {
    if (guard.isAvailable()) {
      checkAlive();
    } else {
      tryReconnect();
    }
  }

  private void checkAlive() {
    long start = System.nanoTime();
    try {
      connection.counters().get(PROBE);
    } catch (RuntimeException e) {
      guard.lost(e);
      return;
    }
    long nanos = System.nanoTime() - start;
    if (nanos > ClusterGuard.SLOW_NANOS) {
      guard.lost(new TimeoutException("the probe took " + nanos / 1_000_000 + " ms"));
    }
  }

  private void tryReconnect() {
    Connection fresh;
    try {
      fresh = Connection.open(sizing);
    } catch (RuntimeException e) {
      return; // still gone: try again at the next probe
    }
    Connection old = connection;
    connection = fresh;
    closeQuietly(old);
    try {
      tagClock.replayPending();
      guard.restored();
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "[Cluster] reconnected but not ready yet", e);
    }
  }

  private static void closeQuietly(Connection connection) {
    Thread closer =
        new Thread(
            () -> {
              try {
                connection.manager().close();
              } catch (RuntimeException e) {
                LOG.log(Level.FINE, "[Cluster] closing the old connection failed", e);
              }
            },
            "cluster-close");
    closer.setDaemon(true);
    closer.start();
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
    Map<String, TierStatistics> tiers =
        connection.statistics().getCacheStatistics(CacheStorage.PAGES).getTierStatistics();
    for (String tier : new String[] {"Clustered", "OnHeap"}) {
      TierStatistics stats = tiers.get(tier);
      if (stats != null && stats.getMappings() >= 0) {
        return stats.getMappings();
      }
    }
    return 0;
  }

  @Override
  public void close() {
    monitor.shutdownNow();
    connection.manager().close();
  }
}
