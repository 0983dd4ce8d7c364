package com.gatewayz.modelpages.isr;

import java.time.Clock;

/**
 * Where the engine keeps pages and its tag clock: one node's Ehcache (heap, off-heap, disk) or the
 * clustered tier shared by several nodes.
 */
interface Storage extends AutoCloseable {

  PageStore pages();

  TagClock tagClock();

  SharedState shared();

  /** Entries in the authoritative tier. */
  long entryCount();

  @Override
  void close();

  static Storage open(CacheSizing sizing, Clock clock) {
    return sizing.cluster().isPresent()
        ? ClusterStorage.open(sizing, clock)
        : CacheStorage.open(sizing);
  }
}
