package com.gatewayz.modelpages.catalog;

import com.carrotsearch.hppc.ObjectLongHashMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each listing's place in the full merge's order ({@link CatalogMerger#merged}), as one long:
 * gateways by priority (ties in the order the state lists its sources), exact identities first,
 * then the order the gateway's entry map walks its keys (new keys last). Not thread-safe.
 */
final class MergePositions {

  static final int MAX_PRIORITY = 1023;
  static final int MAX_GATEWAYS = 255;

  private final CatalogMerger merger;
  // Primitive values (HPPC): one boxed Long and node per listing otherwise.
  private final Map<String, ObjectLongHashMap<String>> seqs = new HashMap<>();
  private final List<String> gatewayOrder = new ArrayList<>();
  private long nextSeq;

  MergePositions(CatalogMerger merger) {
    this.merger = merger;
  }

  /** Whether positions can hold {@code gateway}'s priority. */
  boolean fits(String gateway) {
    return merger.priorityOf(gateway) <= MAX_PRIORITY;
  }

  /** Gives {@code key} of {@code gateway} the next place in its walk (a new or first-seen key). */
  void append(String gateway, String key) {
    register(gateway);
    seqs.computeIfAbsent(gateway, g -> new ObjectLongHashMap<>()).put(key, nextSeq++);
  }

  /** Forgets a key its gateway no longer lists. */
  void forget(String gateway, String key) {
    ObjectLongHashMap<String> seq = seqs.get(gateway);
    if (seq != null) {
      seq.remove(key);
    }
  }

  /** Notes {@code gateway} in the state's order of sources, if it is new. */
  void register(String gateway) {
    if (!gatewayOrder.contains(gateway)) {
      gatewayOrder.add(gateway);
    }
  }

  /** The position of a listing whose key was {@linkplain #append appended}. */
  long of(IncrementalMerge.Ref ref, boolean exact) {
    long priority = merger.priorityOf(ref.gateway());
    long gateway = gatewayOrder.indexOf(ref.gateway());
    long inexact = exact ? 0 : 1;
    return priority << 53 | gateway << 45 | inexact << 44 | seqs.get(ref.gateway()).get(ref.key());
  }
}
