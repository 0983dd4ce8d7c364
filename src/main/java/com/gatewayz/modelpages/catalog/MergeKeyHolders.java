package com.gatewayz.modelpages.catalog;

import com.carrotsearch.hppc.LongObjectHashMap;
import com.gatewayz.modelpages.catalog.IncrementalMerge.Ref;
import java.util.ArrayList;
import java.util.List;

/**
 * Which listings hold each identity key of the incremental merge's memo, the keys kept as 64-bit
 * hashes (a collision only widens a re-merged set). One holder is stored bare, several as a list:
 * most keys have one. The keys are primitive (HPPC): at 100,000 models a boxed map held ~600,000
 * {@code Long}s and their nodes, ~30 MB of a 512 MB heap.
 */
final class MergeKeyHolders {

  private final LongObjectHashMap<Object> holders = new LongObjectHashMap<>();

  void add(Ref ref, long[] keys) {
    for (long key : keys) {
      Object held = holders.get(key);
      holders.put(key, held == null ? ref : join(held, ref));
    }
  }

  void remove(Ref ref, long[] keys) {
    for (long key : keys) {
      Object held = holders.get(key);
      if (held instanceof Ref) {
        holders.remove(key);
      } else if (held instanceof RefList list) {
        list.remove(ref);
        if (list.size() == 1) {
          holders.put(key, list.get(0));
        }
      }
    }
  }

  List<Ref> of(long key) {
    Object held = holders.get(key);
    if (held instanceof Ref ref) {
      return List.of(ref);
    }
    return held == null ? List.of() : List.copyOf((RefList) held);
  }

  private static Object join(Object held, Object added) {
    RefList list = held instanceof RefList refs ? refs : new RefList((Ref) held);
    list.add((Ref) added);
    return list;
  }

  /** Several listings holding one key. */
  private static final class RefList extends ArrayList<Ref> {
    RefList(Ref first) {
      super(2);
      add(first);
    }
  }

  // FNV-1a, 64 bits, over a namespace and the value.
  static long hash(String namespace, String value) {
    long hash = 0xcbf29ce484222325L;
    for (String part : new String[] {namespace, value}) {
      for (int i = 0; i < part.length(); i++) {
        hash ^= part.charAt(i);
        hash *= 0x100000001b3L;
      }
    }
    return hash;
  }
}
