package com.gatewayz.modelpages.catalog;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Forgets expired tombstones ({@link CatalogUpdates#forgetExpired}) without scanning every entry on
 * every change: per gateway entry map (by identity: states share the maps of unchanged gateways),
 * the earliest time one of its tombstones expires. A map seen before is scanned again only once
 * that time has come; a changed gateway's new map is scanned. Not thread-safe: the catalog
 * service's writer owns it.
 */
final class ExpiredTombstones {

  private Map<Map<String, SourceEntry>, Long> expiries = new IdentityHashMap<>();

  /** {@code state} without the tombstones expired at {@code now}. */
  CatalogState forget(CatalogState state, long now) {
    Map<Map<String, SourceEntry>, Long> next = new IdentityHashMap<>();
    CatalogState kept = state;
    for (Map.Entry<String, Map<String, SourceEntry>> source : state.sources().entrySet()) {
      Map<String, SourceEntry> entries = source.getValue();
      Long expiry = expiries.get(entries);
      if (expiry == null || now >= expiry) {
        expiry = earliestExpiry(entries);
        if (now > expiry) {
          kept = kept.withEntries(source.getKey(), CatalogUpdates.withoutExpired(entries, now));
          entries = kept.entriesOf(source.getKey());
          expiry = earliestExpiry(entries);
        }
      }
      next.put(entries, expiry);
    }
    expiries = next;
    return kept;
  }

  // A tombstone is forgotten once now > its time + the TTL.
  private static long earliestExpiry(Map<String, SourceEntry> entries) {
    long ttl = CatalogUpdates.TOMBSTONE_TTL.toMillis();
    long earliest = Long.MAX_VALUE;
    for (SourceEntry entry : entries.values()) {
      if (entry.isForgettable(Long.MAX_VALUE) && entry.appliedAt() < Long.MAX_VALUE - ttl) {
        earliest = Math.min(earliest, entry.appliedAt() + ttl);
      }
    }
    return earliest;
  }
}
