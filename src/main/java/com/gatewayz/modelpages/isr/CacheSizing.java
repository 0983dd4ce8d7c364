package com.gatewayz.modelpages.isr;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How big and where the page cache is. Memory is bounded by {@code heapEntries} and {@code
 * offheapMb}; {@code diskMb} 0 means no persistent tier (pages and stamps then die with the JVM).
 *
 * @param xmlConfig an Ehcache XML file that replaces the built-in configuration; it must define the
 *     caches {@value CacheStorage#PAGES} and {@value CacheStorage#STAMPS}
 * @param cluster when present, pages and the tag clock live in Ehcache's clustered tier on this
 *     Terracotta server (with a local heap tier) instead of the local off-heap and disk tiers
 */
public record CacheSizing(
    Path directory,
    long heapEntries,
    long offheapMb,
    long diskMb,
    Optional<Path> xmlConfig,
    Optional<Cluster> cluster) {

  /**
   * A Terracotta server to share the cache with other nodes.
   *
   * @param uri {@code terracotta://host:port/name}
   * @param pagesMb the clustered tier for pages, reserved on the server's {@value #SERVER_RESOURCE}
   *     off-heap resource beside {@value #RESERVED_MB} MB for the tag clock and the catalog
   * @param timeout how long one call to the server may take (reads, writes)
   * @param detachAfter how long a node goes without an answer from the server before it counts
   *     itself cut off; keep it well below the server's client lease
   */
  public record Cluster(java.net.URI uri, long pagesMb, Duration timeout, Duration detachAfter) {
    public static final String SERVER_RESOURCE = "main";

    /** The pools beside the pages: tag-clock counters 8 MB, stamps 16 MB, the catalog 64 MB. */
    public static final long RESERVED_MB = 88;

    public Cluster {
      if (timeout.compareTo(detachAfter) >= 0) {
        throw new IllegalArgumentException(
            "MODEL_PAGES_CLUSTER_TIMEOUT_MILLIS ("
                + timeout.toMillis()
                + ") must be smaller than MODEL_PAGES_CLUSTER_DETACH_MILLIS ("
                + detachAfter.toMillis()
                + ")");
      }
    }
  }

  /** A single node's cache. */
  public CacheSizing(
      Path directory, long heapEntries, long offheapMb, long diskMb, Optional<Path> xmlConfig) {
    this(directory, heapEntries, offheapMb, diskMb, xmlConfig, Optional.empty());
  }

  public CacheSizing {
    if (diskMb > 0 && offheapMb >= diskMb) {
      throw new IllegalArgumentException(
          "MODEL_PAGES_CACHE_OFFHEAP_MB ("
              + offheapMb
              + ") must be smaller than MODEL_PAGES_CACHE_DISK_MB ("
              + diskMb
              + ")");
    }
  }
}
