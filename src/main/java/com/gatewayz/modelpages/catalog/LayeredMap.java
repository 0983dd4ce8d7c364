package com.gatewayz.modelpages.catalog;

import java.util.HashMap;
import java.util.Map;

/**
 * An immutable map kept as a shared base and two small layers of changes on top, so that a snapshot
 * differing from the previous one in a few keys copies only the top layer, not every entry. The top
 * layer (at most {@value #MAX_TOP} keys) is copied per edit; past that it is merged into a copy of
 * the middle layer, and once that outgrows {@link #maxMiddle} it is folded into a new base: one
 * full copy per so many changes. (With one layer of up to 4·√n keys, copying it was a sixth of a
 * webhook's work at 100,000 models.)
 */
final class LayeredMap<K, V> {

  private static final Object REMOVED = new Object();
  private static final int MAX_TOP = 32;
  private static final int MIN_MIDDLE = 64;

  private final Map<K, V> base;
  private final Map<K, Object> middle;
  private final Map<K, Object> top;

  private LayeredMap(Map<K, V> base, Map<K, Object> middle, Map<K, Object> top) {
    this.base = base;
    this.middle = middle;
    this.top = top;
  }

  /** A map of {@code entries}, which the caller no longer changes. */
  static <K, V> LayeredMap<K, V> of(Map<K, V> entries) {
    return new LayeredMap<>(entries, Map.of(), Map.of());
  }

  V get(Object key) {
    return lookUp(top, key);
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

  // The value of key as the layer changes over the middle layer and the base say.
  @SuppressWarnings("unchecked")
  private V lookUp(Map<K, Object> changes, Object key) {
    Object value = changes.get(key);
    if (value == null) {
      value = middle.get(key);
    }
    if (value != null) {
      return value == REMOVED ? null : (V) value;
    }
    return base.get(key);
  }

  // Folding every sqrt(n)-th change or so keeps both the merges into the middle and the folds
  // small.
  private static int maxMiddle(int baseSize) {
    return Math.max(MIN_MIDDLE, 4 * (int) Math.sqrt(baseSize));
  }

  /** Changes to a copy of the map; null values are not allowed. */
  final class Edit {
    private final Map<K, Object> changes = new HashMap<>(top);

    V get(Object key) {
      return lookUp(changes, key);
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
      if (changes.size() <= MAX_TOP) {
        return new LayeredMap<>(base, middle, changes);
      }
      Map<K, Object> merged = new HashMap<>(middle);
      merged.putAll(changes);
      if (merged.size() <= maxMiddle(base.size())) {
        return new LayeredMap<>(base, merged, Map.of());
      }
      Map<K, V> folded = new HashMap<>(base);
      merged.forEach(
          (key, value) -> {
            if (value == REMOVED) {
              folded.remove(key);
            } else {
              folded.put(key, unchecked(value));
            }
          });
      return new LayeredMap<>(folded, Map.of(), Map.of());
    }

    @SuppressWarnings("unchecked")
    private V unchecked(Object value) {
      return (V) value;
    }
  }
}
