package com.gatewayz.modelpages.isr;

import static org.ehcache.config.builders.CacheConfigurationBuilder.newCacheConfigurationBuilder;

import java.time.Duration;
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

/**
 * One connection to the Terracotta server and the caches it carries: pages (eventual consistency),
 * the tag clock's counters and stamps and the shared catalog (strong). Every cache fails loudly
 * ({@link ThrowingResilience}). A node that was cut off opens a new one, whose heap tiers are
 * empty.
 */
record ClusterConnection(
    CacheManager manager,
    StatisticsService statistics,
    Cache<String, CachedPage> pages,
    Cache<String, Long> counters,
    Cache<String, Long> stamps,
    Cache<String, byte[]> shared) {

  static final String COUNTERS = "tag-clock";
  static final String STAMPS = "tag-stamps";
  static final String SHARED = "shared";
  static final long COUNTERS_MB = 8;
  static final long STAMPS_MB = 16;
  static final long SHARED_MB = 64;
  static final long STAMP_HEAP_ENTRIES = 20_000;
  private static final String POOL_REFUSED = "Insufficient defined resources to allocate pool";
  private static final Logger LOG = Logger.getLogger(ClusterConnection.class.getName());

  /** The node's share of its own heap for the clustered caches. */
  record Sizes(long pageHeapEntries, long pagesMb) {
    static Sizes of(CacheSizing sizing) {
      return new Sizes(sizing.heapEntries(), sizing.cluster().orElseThrow().pagesMb());
    }
  }

  static ClusterConnection open(Sizes sizes, CacheSizing.Cluster cluster) {
    StatisticsService statistics = new DefaultStatisticsService();
    CacheManager manager = configuration(sizes, cluster).using(statistics).build(true);
    return new ClusterConnection(
        manager,
        statistics,
        manager.getCache(CacheStorage.PAGES, String.class, CachedPage.class),
        manager.getCache(COUNTERS, String.class, Long.class),
        manager.getCache(STAMPS, String.class, Long.class),
        manager.getCache(SHARED, String.class, byte[].class));
  }

  /** The first connection: a failure stops the deployment with a message that names its cause. */
  static ClusterConnection openAtStartup(Sizes sizes, CacheSizing.Cluster cluster) {
    try {
      return open(sizes, cluster);
    } catch (RuntimeException e) {
      throw new IllegalStateException(startupFailure(sizes, cluster, e), e);
    }
  }

  static String startupFailure(Sizes sizes, CacheSizing.Cluster cluster, Throwable failure) {
    String server = "the Terracotta server of MODEL_PAGES_CLUSTER_URI=" + cluster.uri();
    String refusal = causeMentioning(failure, POOL_REFUSED);
    if (refusal != null) {
      long needed = sizes.pagesMb() + CacheSizing.Cluster.RESERVED_MB;
      return server
          + " refused the cache pools: its off-heap resource '"
          + CacheSizing.Cluster.SERVER_RESOURCE
          + "' must hold at least MODEL_PAGES_CLUSTER_CACHE_MB ("
          + sizes.pagesMb()
          + ") + "
          + CacheSizing.Cluster.RESERVED_MB
          + " MB = "
          + needed
          + " MB (start it with -offheap-resources "
          + CacheSizing.Cluster.SERVER_RESOURCE
          + ":"
          + needed
          + "MB or more, or lower MODEL_PAGES_CLUSTER_CACHE_MB; "
          + "a cluster name whose pools exist keeps their sizes until the server restarts): "
          + refusal;
    }
    return "cannot reach "
        + server
        + " (start it first, or unset the setting for a single node): "
        + failure.getMessage();
  }

  private static String causeMentioning(Throwable failure, String text) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null && cause.getMessage().contains(text)) {
        return cause.getMessage();
      }
    }
    return null;
  }

  private static CacheManagerBuilder<? extends CacheManager> configuration(
      Sizes sizes, CacheSizing.Cluster cluster) {
    Duration timeout = cluster.timeout();
    return CacheManagerBuilder.newCacheManagerBuilder()
        .with(
            ClusteringServiceConfigurationBuilder.cluster(cluster.uri())
                .timeouts(
                    TimeoutsBuilder.timeouts()
                        .read(timeout)
                        .write(timeout)
                        .connection(connectTimeout(cluster)))
                .autoCreateOnReconnect(
                    server -> server.defaultServerResource(CacheSizing.Cluster.SERVER_RESOURCE)))
        .withCache(
            CacheStorage.PAGES,
            clustered(
                    String.class,
                    CachedPage.class,
                    sizes.pageHeapEntries(),
                    sizes.pagesMb(),
                    Consistency.EVENTUAL)
                .withValueSerializer(CachedPageSerializer.class))
        .withCache(
            COUNTERS,
            clustered(String.class, Long.class, 100, COUNTERS_MB, Consistency.STRONG)
                .withValueSerializer(LongValueSerializer.class))
        .withCache(
            STAMPS,
            clustered(String.class, Long.class, STAMP_HEAP_ENTRIES, STAMPS_MB, Consistency.STRONG)
                .withValueSerializer(LongValueSerializer.class))
        .withCache(
            SHARED,
            clustered(String.class, byte[].class, 2, SHARED_MB, Consistency.STRONG)
                .withValueSerializer(BytesValueSerializer.class));
  }

  /** Long enough for a loaded server, short enough that a node cut off retries soon. */
  static Duration connectTimeout(CacheSizing.Cluster cluster) {
    Duration fourCalls = cluster.timeout().multipliedBy(4);
    Duration floor = Duration.ofSeconds(2);
    return fourCalls.compareTo(floor) > 0 ? fourCalls : floor;
  }

  private static <K, V> CacheConfigurationBuilder<K, V> clustered(
      Class<K> key, Class<V> value, long heapEntries, long clusteredMb, Consistency consistency) {
    ResourcePoolsBuilder pools =
        ResourcePoolsBuilder.newResourcePoolsBuilder()
            .heap(heapEntries, EntryUnit.ENTRIES)
            .with(
                ClusteredResourcePoolBuilder.clusteredDedicated(
                    CacheSizing.Cluster.SERVER_RESOURCE, clusteredMb, MemoryUnit.MB));
    return newCacheConfigurationBuilder(key, value, pools)
        .withService(ClusteredStoreConfigurationBuilder.withConsistency(consistency))
        .withResilienceStrategy(new ThrowingResilience<>());
  }

  void closeQuietly() {
    try {
      manager.close();
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "[Cluster] closing a connection failed", e);
    }
  }

  /**
   * Closing a connection to a server out of reach can take its timeouts: not on the caller's
   * thread.
   */
  void closeInBackground() {
    Thread closer = new Thread(this::closeQuietly, "cluster-close");
    closer.setDaemon(true);
    closer.start();
  }
}
