package com.gatewayz.modelpages.catalog;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * One gateway's entries as an unmodifiable map in the order the gateway listed them, kept as a
 * shared base and a small layer of changes on top: a webhook that sets one entry of a gateway
 * listing 25,000 copies its layer, not the 25,000 entries. Once the layer outgrows {@link
 * #maxLayer} it is folded into a new base, so each change copies O(√n) entries and a fold comes
 * every so many changes. Iterates like the {@link LinkedHashMap} it stands for: a key keeps its
 * place when set again, new keys come last. Keys and values are never null.
 */
final class LayeredEntries<K, V> extends AbstractMap<K, V> {

  private static final int MIN_LAYER = 64;

  private final Map<K, V> base;
  // New values of keys of the base.
  private final Map<K, V> replaced;
  // Keys not in the base, in the order they were added.
  private final Map<K, V> appended;
  private final Set<Entry<K, V>> entries = new Entries();

  private LayeredEntries(Map<K, V> base, Map<K, V> replaced, Map<K, V> appended) {
    this.base = base;
    this.replaced = replaced;
    this.appended = appended;
  }

  /**
   * A copy of {@code entries} to change by {@link Edit#put}, sharing them as its base: they must
   * never change (a {@link CatalogState}'s maps never do).
   */
  static <K, V> Edit<K, V> edit(Map<K, V> entries) {
    return entries instanceof LayeredEntries<K, V> layered
        ? new Edit<>(layered.base, layered.replaced, layered.appended)
        : new Edit<>(entries, Map.of(), Map.of());
  }

  // Folding when the layer passes 4·√n keeps both the per-change copy and the folds small.
  static int maxLayer(int baseSize) {
    return Math.max(MIN_LAYER, 4 * (int) Math.sqrt(baseSize));
  }

  /** How many entries sit in the layer on top of the base (tests). */
  int layerSize() {
    return replaced.size() + appended.size();
  }

  @Override
  public V get(Object key) {
    V value = appended.get(key);
    if (value != null) {
      return value;
    }
    value = replaced.get(key);
    return value != null ? value : base.get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return appended.containsKey(key) || base.containsKey(key);
  }

  @Override
  public int size() {
    return base.size() + appended.size();
  }

  @Override
  public Set<Entry<K, V>> entrySet() {
    return entries;
  }

  private final class Entries extends AbstractSet<Entry<K, V>> {
    @Override
    public int size() {
      return LayeredEntries.this.size();
    }

    @Override
    public Iterator<Entry<K, V>> iterator() {
      return new Iterator<>() {
        private final Iterator<Entry<K, V>> fromBase = base.entrySet().iterator();
        private final Iterator<Entry<K, V>> fromAppended = appended.entrySet().iterator();

        @Override
        public boolean hasNext() {
          return fromBase.hasNext() || fromAppended.hasNext();
        }

        @Override
        public Entry<K, V> next() {
          if (fromBase.hasNext()) {
            Entry<K, V> entry = fromBase.next();
            V now = replaced.get(entry.getKey());
            return new SimpleImmutableEntry<>(entry.getKey(), now != null ? now : entry.getValue());
          }
          if (fromAppended.hasNext()) {
            Entry<K, V> entry = fromAppended.next();
            return new SimpleImmutableEntry<>(entry.getKey(), entry.getValue());
          }
          throw new NoSuchElementException();
        }
      };
    }
  }

  /** Changes to a copy of the map; {@link #done()} gives the changed map. Not thread-safe. */
  static final class Edit<K, V> {
    private final Map<K, V> base;
    private final Map<K, V> replaced;
    private final LinkedHashMap<K, V> appended;

    private Edit(Map<K, V> base, Map<K, V> replaced, Map<K, V> appended) {
      this.base = base;
      this.replaced = new HashMap<>(replaced);
      this.appended = new LinkedHashMap<>(appended);
    }

    V get(K key) {
      V value = appended.get(key);
      if (value != null) {
        return value;
      }
      value = replaced.get(key);
      return value != null ? value : base.get(key);
    }

    void put(K key, V value) {
      if (base.containsKey(key)) {
        replaced.put(key, value);
      } else {
        appended.put(key, value);
      }
    }

    /** The map with the changes: layered, or folded into a new base once the layer is large. */
    Map<K, V> done() {
      LayeredEntries<K, V> layered = new LayeredEntries<>(base, replaced, appended);
      if (replaced.size() + appended.size() <= maxLayer(base.size())) {
        return layered;
      }
      return new LayeredEntries<>(
          Collections.unmodifiableMap(new LinkedHashMap<>(layered)), Map.of(), Map.of());
    }
  }
}
