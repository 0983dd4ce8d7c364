package com.gatewayz.modelpages.isr;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How big and where the page cache is. Memory is bounded by {@code heapEntries} and {@code
 * offheapMb}; {@code diskMb} 0 means no persistent tier (pages and stamps then die with the JVM).
 *
 * @param xmlConfig an Ehcache XML file that replaces the built-in configuration; it must define
 *     the caches {@value CacheStorage#PAGES} and {@value CacheStorage#STAMPS}
 */
public record CacheSizing(
    Path directory, long heapEntries, long offheapMb, long diskMb, Optional<Path> xmlConfig) {

  public CacheSizing {
    if (diskMb > 0 && offheapMb >= diskMb) {
      throw new IllegalArgumentException(
          "MODEL_PAGES_CACHE_OFFHEAP_MB (" + offheapMb + ") must be smaller than MODEL_PAGES_CACHE_DISK_MB (" + diskMb + ")");
    }
  }
}
