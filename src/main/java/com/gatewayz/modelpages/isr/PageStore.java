package com.gatewayz.modelpages.isr;

import java.util.function.Supplier;
import org.ehcache.Cache;

/**
 * Where pages are kept: an Ehcache cache, behind the cluster guard in cluster mode (a lost cluster
 * reads as empty and drops writes, so requests render instead of waiting). The cache is looked up
 * on each call because a cluster node replaces its caches when it reconnects.
 */
final class PageStore {

  private final Supplier<Cache<String, CachedPage>> cache;
  private final ClusterGuard guard;

  PageStore(Cache<String, CachedPage> cache, ClusterGuard guard) {
    this(() -> cache, guard);
  }

  PageStore(Supplier<Cache<String, CachedPage>> cache, ClusterGuard guard) {
    this.cache = cache;
    this.guard = guard;
  }

  CachedPage get(String key) {
    return guard.call(() -> cache.get().get(key), () -> null);
  }

  void put(String key, CachedPage page) {
    guard.run(() -> cache.get().put(key, page));
  }

  void remove(String key) {
    guard.run(() -> cache.get().remove(key));
  }
}
