package com.gatewayz.modelpages.catalog;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Forgets expired tombstones ({@link CatalogUpdates#forgetExpired}) without scanning every entry on
 * every change: per gateway entry map (by identity: states share the maps of unchanged gateways),
 * the earliest time one of its tombstones expires. A map seen before is scanned again only once
 * that time has come. A changed gateway's new map made by setting a few keys of the last map seen
 * takes the earlier of that map's time and its set keys' (at most as late as the truth: a map is
 * then at worst scanned early); any other new map is scanned. Not thread-safe: the catalog
 * service's writer owns it.
 */
final class ExpiredTombstones {

  private Map<Map<String, SourceEntry>, Long> expiries = new IdentityHashMap<>();
  private Map<String, Map<String, SourceEntry>> lastSeen = Map.of();
  // Maps scanned whole (tests: a webhook's change of a few entries scans none).
  int scans;

  /** {@code state} without the tombstones expired at {@code now}. */
  CatalogState forget(CatalogState state, long now) {
    Map<Map<String, SourceEntry>, Long> next = new IdentityHashMap<>();
    CatalogState kept = state;
    for (Map.Entry<String, Map<String, SourceEntry>> source : state.sources().entrySet()) {
      Map<String, SourceEntry> entries = source.getValue();
      Long expiry = expiries.get(entries);
      if (expiry == null) {
        expiry = afterSetting(state, source.getKey(), entries);
      }
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
    lastSeen = kept.sources();
    return kept;
  }

  // The expiry of a map made from the last one seen of this gateway by setting a few keys; null
  // when it was not.
  private Long afterSetting(CatalogState state, String gateway, Map<String, SourceEntry> entries) {
    Map<String, SourceEntry> parent = lastSeen.get(gateway);
    Long parentExpiry = parent == null ? null : expiries.get(parent);
    Set<String> keys = parentExpiry == null ? null : state.keysSetOver(gateway, parent);
    if (keys == null) {
      return null;
    }
    long earliest = parentExpiry;
    for (String key : keys) {
      earliest = Math.min(earliest, expiryOf(entries.get(key)));
    }
    return earliest;
  }

  // A tombstone is forgotten once now > its time + the TTL.
  private long earliestExpiry(Map<String, SourceEntry> entries) {
    scans++;
    long earliest = Long.MAX_VALUE;
    for (SourceEntry entry : entries.values()) {
      earliest = Math.min(earliest, expiryOf(entry));
    }
    return earliest;
  }

  private static long expiryOf(SourceEntry entry) {
    long ttl = CatalogUpdates.TOMBSTONE_TTL.toMillis();
    if (entry != null
        && entry.isForgettable(Long.MAX_VALUE)
        && entry.appliedAt() < Long.MAX_VALUE - ttl) {
      return entry.appliedAt() + ttl;
    }
    return Long.MAX_VALUE;
  }
}
