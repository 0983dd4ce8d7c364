package com.gatewayz.modelpages.isr;

import static org.ehcache.config.builders.CacheConfigurationBuilder.newCacheConfigurationBuilder;

import java.io.File;
import java.net.MalformedURLException;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ehcache.Cache;
import org.ehcache.CacheManager;
import org.ehcache.CachePersistenceException;
import org.ehcache.PersistentCacheManager;
import org.ehcache.config.Configuration;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.config.units.EntryUnit;
import org.ehcache.config.units.MemoryUnit;
import org.ehcache.core.EhcacheManager;
import org.ehcache.core.internal.statistics.DefaultStatisticsService;
import org.ehcache.core.spi.service.StatisticsService;
import org.ehcache.core.statistics.TierStatistics;
import org.ehcache.xml.XmlConfiguration;

/**
 * The Ehcache manager behind the page cache: pages (heap → off-heap → persistent disk) and the tag
 * clock's stamps (heap → persistent disk) under one persistence directory, so they survive and die
 * together. Close it on shutdown so the disk tier is marked clean.
 */
final class CacheStorage implements Storage {

  public static final String PAGES = "pages";
  public static final String STAMPS = "tag-stamps";

  private static final long STAMP_HEAP_ENTRIES = 2_000;
  private static final long STAMP_DISK_MB = 32;
  private static final Logger LOG = Logger.getLogger(CacheStorage.class.getName());

  private final CacheManager manager;
  private final StatisticsService statistics;
  private final Cache<String, CachedPage> pages;
  private final Cache<String, Long> stamps;
  private final PageStore pageStore;
  private final TagClock tagClock;

  private CacheStorage(CacheManager manager, StatisticsService statistics) {
    this.manager = manager;
    this.statistics = statistics;
    this.pages = manager.getCache(PAGES, String.class, CachedPage.class);
    this.stamps = manager.getCache(STAMPS, String.class, Long.class);
    if (pages == null || stamps == null) {
      manager.close();
      throw new IllegalArgumentException(
          "the Ehcache configuration must define the caches '" + PAGES + "' and '" + STAMPS + "'");
    }
    this.pageStore = new PageStore(pages, ClusterGuard.LOCAL);
    this.tagClock = readClock(manager, stamps);
  }

  /**
   * Opens (or creates) the cache; fails when another JVM holds the directory. A stored cache that
   * cannot be read is dropped, as Ehcache drops one after an unclean stop: the cache starts empty.
   */
  static CacheStorage open(CacheSizing sizing) {
    try {
      return openOnce(sizing);
    } catch (UnreadableException e) {
      LOG.log(
          Level.WARNING,
          "[ISR] the stored page cache cannot be read ("
              + e.getCause()
              + "); dropped, pages are rendered again",
          e.getCause());
      destroy(e.manager);
      return openOnce(sizing);
    }
  }

  private static void destroy(PersistentCacheManager manager) {
    try {
      manager.destroy();
    } catch (CachePersistenceException e) {
      throw new IllegalStateException(
          "the unreadable page cache cannot be deleted: " + e.getMessage(), e);
    }
  }

  private static CacheStorage openOnce(CacheSizing sizing) {
    StatisticsService statistics = new DefaultStatisticsService();
    CacheManager manager =
        sizing.xmlConfig().isPresent()
            ? new EhcacheManager(xmlConfiguration(sizing), List.of(statistics))
            : builtIn(sizing, statistics);
    manager.init();
    return new CacheStorage(manager, statistics);
  }

  // A clean stop after a full disk leaves files that point past their data (Ehcache gave up the
  // writes): reading the stamps then fails on every start. Dropping everything is safe: no page
  // is kept without the stamps that guard it.
  private static TagClock readClock(CacheManager manager, Cache<String, Long> stamps) {
    try {
      return new StampTable(
          new LocalStamps(new EhcacheStampStore(stamps), LocalStamps.DEFAULT_MAX_STAMPS));
    } catch (RuntimeException e) {
      manager.close();
      if (manager instanceof PersistentCacheManager persistent) {
        throw new UnreadableException(persistent, e);
      }
      throw e;
    }
  }

  /** The stored cache of {@code manager} (closed) cannot be read. */
  private static final class UnreadableException extends RuntimeException {
    private final transient PersistentCacheManager manager;

    UnreadableException(PersistentCacheManager manager, RuntimeException cause) {
      super(cause);
      this.manager = manager;
    }
  }

  private static Configuration xmlConfiguration(CacheSizing sizing) {
    try {
      return new XmlConfiguration(sizing.xmlConfig().orElseThrow().toUri().toURL());
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("MODEL_PAGES_EHCACHE_XML is not a readable file", e);
    }
  }

  private static CacheManager builtIn(CacheSizing sizing, StatisticsService statistics) {
    boolean persistent = sizing.diskMb() > 0;
    CacheManagerBuilder<CacheManager> builder =
        CacheManagerBuilder.newCacheManagerBuilder()
            .using(statistics)
            .withCache(
                PAGES,
                newCacheConfigurationBuilder(String.class, CachedPage.class, pagePools(sizing))
                    .withValueSerializer(CachedPageSerializer.class))
            .withCache(
                STAMPS,
                newCacheConfigurationBuilder(String.class, Long.class, stampPools(persistent)));
    if (!persistent) {
      return builder.build(false);
    }
    File directory = sizing.directory().resolve("cache").toFile();
    return builder.with(CacheManagerBuilder.persistence(directory)).build(false);
  }

  private static ResourcePoolsBuilder pagePools(CacheSizing sizing) {
    ResourcePoolsBuilder pools =
        ResourcePoolsBuilder.newResourcePoolsBuilder()
            .heap(sizing.heapEntries(), EntryUnit.ENTRIES);
    if (sizing.offheapMb() > 0) {
      pools = pools.offheap(sizing.offheapMb(), MemoryUnit.MB);
    }
    if (sizing.diskMb() > 0) {
      pools = pools.disk(sizing.diskMb(), MemoryUnit.MB, true);
    }
    return pools;
  }

  private static ResourcePoolsBuilder stampPools(boolean persistent) {
    ResourcePoolsBuilder pools = ResourcePoolsBuilder.heap(STAMP_HEAP_ENTRIES);
    return persistent ? pools.disk(STAMP_DISK_MB, MemoryUnit.MB, true) : pools;
  }

  @Override
  public PageStore pages() {
    return pageStore;
  }

  @Override
  public TagClock tagClock() {
    return tagClock;
  }

  @Override
  public SharedState shared() {
    return SharedState.NONE;
  }

  /** Entries in the authoritative (lowest) tier of the page cache. */
  @Override
  public long entryCount() {
    Map<String, TierStatistics> tiers = statistics.getCacheStatistics(PAGES).getTierStatistics();
    for (String tier : new String[] {"Disk", "OffHeap", "OnHeap"}) {
      TierStatistics stats = tiers.get(tier);
      if (stats != null) {
        return stats.getMappings();
      }
    }
    return 0;
  }

  @Override
  public void close() {
    manager.close();
  }
}
