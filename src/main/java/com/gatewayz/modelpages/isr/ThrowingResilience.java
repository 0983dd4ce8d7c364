package com.gatewayz.modelpages.isr;

import java.util.Map;
import org.ehcache.Cache;
import org.ehcache.spi.resilience.ResilienceStrategy;
import org.ehcache.spi.resilience.StoreAccessException;

/**
 * Ehcache's answer to a clustered store that failed (a timeout, a reconnect in progress): an
 * exception, never a made-up value. Ehcache's default strategy answers a failed read with "absent"
 * and drops a failed write silently, which would read as "no stamp" and as a purge done.
 */
final class ThrowingResilience<K, V> implements ResilienceStrategy<K, V> {

  /**
   * A clustered call that failed; its cause says why (a {@code TimeoutException} for a timeout).
   */
  static final class ClusterCallException extends RuntimeException {
    ClusterCallException(StoreAccessException cause) {
      super(cause.getCause() != null ? cause.getCause().toString() : cause.toString(), cause);
    }
  }

  private static ClusterCallException failure(StoreAccessException e) {
    return new ClusterCallException(e);
  }

  @Override
  public V getFailure(K key, StoreAccessException e) {
    throw failure(e);
  }

  @Override
  public boolean containsKeyFailure(K key, StoreAccessException e) {
    throw failure(e);
  }

  @Override
  public void putFailure(K key, V value, StoreAccessException e) {
    throw failure(e);
  }

  @Override
  public void removeFailure(K key, StoreAccessException e) {
    throw failure(e);
  }

  @Override
  public void clearFailure(StoreAccessException e) {
    throw failure(e);
  }

  @Override
  public Cache.Entry<K, V> iteratorFailure(StoreAccessException e) {
    throw failure(e);
  }

  @Override
  public V putIfAbsentFailure(K key, V value, StoreAccessException e) {
    throw failure(e);
  }

  @Override
  public boolean removeFailure(K key, V value, StoreAccessException e) {
    throw failure(e);
  }

  @Override
  public V replaceFailure(K key, V value, StoreAccessException e) {
    throw failure(e);
  }

  @Override
  public boolean replaceFailure(K key, V value, V newValue, StoreAccessException e) {
    throw failure(e);
  }

  @Override
  public Map<K, V> getAllFailure(Iterable<? extends K> keys, StoreAccessException e) {
    throw failure(e);
  }

  @Override
  public void putAllFailure(Map<? extends K, ? extends V> entries, StoreAccessException e) {
    throw failure(e);
  }

  @Override
  public void removeAllFailure(Iterable<? extends K> keys, StoreAccessException e) {
    throw failure(e);
  }
}
