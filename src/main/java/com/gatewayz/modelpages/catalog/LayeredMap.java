package com.gatewayz.modelpages.catalog;

import java.util.HashMap;
import java.util.Map;

/**
 * An immutable map kept as a shared base and a small layer of changes on top, so that a snapshot
 * differing from the previous one in a few keys copies only the layer, not every entry. Once the
 * layer outgrows {@link #maxLayer} it is folded into a new base: one full copy per so many changes.
 */
final class LayeredMap<K, V> {

  private static final Object REMOVED = new Object();
  private static final int MIN_LAYER = 64;

  private final Map<K, V> base;
  private final Map<K, Object> layer;

  private LayeredMap(Map<K, V> base, Map<K, Object> layer) {
    this.base = base;
    this.layer = layer;
  }

  /** A map of {@code entries}, which the caller no longer changes. */
  static <K, V> LayeredMap<K, V> of(Map<K, V> entries) {
    return new LayeredMap<>(entries, Map.of());
  }

  @SuppressWarnings("unchecked")
  V get(Object key) {
    Object top = layer.get(key);
    if (top != null) {
      return top == REMOVED ? null : (V) top;
    }
    return base.get(key);
  }

  V getOrDefault(Object key, V otherwise) {
    V value = get(key);
    return value == null ? otherwise : value;
  }

  boolean containsKey(Object key) {
    return get(key) != null;
  }

  /** A copy of this map to change; {@link Edit#done()} gives the changed map. */
  Edit edit() {
    return new Edit();
  }

  // Folding every sqrt(n)-th change or so keeps both the per-change copy and the folds small.
  private static int maxLayer(int baseSize) {
    return Math.max(MIN_LAYER, 4 * (int) Math.sqrt(baseSize));
  }

  /** Changes to a copy of the map; null values are not allowed. */
  final class Edit {
    private final Map<K, Object> changes = new HashMap<>(layer);

    V get(Object key) {
      Object top = changes.get(key);
      if (top != null) {
        return top == REMOVED ? null : unchecked(top);
      }
      return base.get(key);
    }

    V getOrDefault(Object key, V otherwise) {
      V value = get(key);
      return value == null ? otherwise : value;
    }

    void put(K key, V value) {
      changes.put(key, value);
    }

    void remove(K key) {
      changes.put(key, REMOVED);
    }

    LayeredMap<K, V> done() {
      if (changes.size() <= maxLayer(base.size())) {
        return new LayeredMap<>(base, changes);
      }
      Map<K, V> folded = new HashMap<>(base);
      changes.forEach(
          (key, value) -> {
            if (value == REMOVED) {
              folded.remove(key);
            } else {
              folded.put(key, unchecked(value));
            }
          });
      return new LayeredMap<>(folded, Map.of());
    }

    @SuppressWarnings("unchecked")
    private V unchecked(Object value) {
      return (V) value;
    }
  }
}
