package com.gatewayz.modelpages.isr;

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

  static Storage open(CacheSizing sizing) {
    return sizing.cluster().isPresent() ? ClusterStorage.open(sizing) : CacheStorage.open(sizing);
  }
}
