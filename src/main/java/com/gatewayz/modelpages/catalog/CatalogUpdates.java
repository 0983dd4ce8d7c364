package com.gatewayz.modelpages.catalog;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The changes gateways and webhooks make to the {@link CatalogState}, with the rule of who wins:
 * per (gateway, model) the newest information by event time. Pure functions of the state.
 */
public final class CatalogUpdates {

  /** A gateway must miss a model on this many consecutive successful refreshes to drop it. */
  public static final int MISSES_TO_DROP = 2;

  private CatalogUpdates() {}

  /**
   * What one change did to one gateway's entries, by model id.
   *
   * @param stale entries left alone because newer information was already applied
   */
  public record Outcome(
      CatalogState state, Set<String> added, Set<String> changed, Set<String> removed, Set<String> stale) {

    public boolean appliedAnything() {
      return !added.isEmpty() || !changed.isEmpty() || !removed.isEmpty();
    }
  }

  /** A successful refresh of {@code gateway} fetched at {@code fetchedAt} listed exactly {@code listings}. */
  public static Outcome refresh(CatalogState state, String gateway, List<Listing> listings, long fetchedAt) {
    Changes changes = new Changes(state.entriesOf(gateway));
    Set<String> listed = new LinkedHashSet<>();
    for (Listing listing : listings) {
      if (listed.add(listing.entryKey())) {
        changes.list(listing, fetchedAt);
      }
    }
    for (Map.Entry<String, SourceEntry> old : state.entriesOf(gateway).entrySet()) {
      if (!listed.contains(old.getKey())) {
        changes.miss(old.getKey(), old.getValue(), fetchedAt);
      }
    }
    return changes.outcome(state, gateway);
  }

  /** A webhook said these models are offered by {@code gateway} as of {@code eventTime}. */
  public static Outcome upsert(CatalogState state, String gateway, List<Listing> listings, long eventTime) {
    Changes changes = new Changes(state.entriesOf(gateway));
    for (Listing listing : listings) {
      SourceEntry old = changes.entries.get(listing.entryKey());
      if (old != null && old.appliedAt() > eventTime) {
        changes.stale.add(listing.entryKey());
      } else {
        changes.put(listing.entryKey(), old, SourceEntry.listed(listing, eventTime));
      }
    }
    return changes.outcome(state, gateway);
  }

  /** A webhook said {@code gateway} no longer offers these models as of {@code eventTime}. */
  public static Outcome remove(CatalogState state, String gateway, List<String> ids, long eventTime) {
    Changes changes = new Changes(state.entriesOf(gateway));
    for (String id : ids) {
      SourceEntry old = changes.entries.get(id);
      if (old != null && old.appliedAt() > eventTime) {
        changes.stale.add(id);
      } else {
        Listing last = old == null ? null : old.listing();
        changes.put(id, old, new SourceEntry(last, eventTime, 0, true));
      }
    }
    return changes.outcome(state, gateway);
  }

  /** The entries of one gateway being changed, with what changed. */
  private static final class Changes {
    final Map<String, SourceEntry> entries;
    final Set<String> added = new LinkedHashSet<>();
    final Set<String> changed = new LinkedHashSet<>();
    final Set<String> removed = new LinkedHashSet<>();
    final Set<String> stale = new LinkedHashSet<>();

    Changes(Map<String, SourceEntry> current) {
      this.entries = new LinkedHashMap<>(current);
    }

    void list(Listing listing, long fetchedAt) {
      SourceEntry old = entries.get(listing.entryKey());
      if (old != null && old.appliedAt() > fetchedAt) {
        stale.add(listing.entryKey());
      } else if (old != null && old.removed() && (old.listing() == null || old.listing().equals(listing))) {
        // Removed by a webhook: it stays removed until the gateway's listing of it changes.
        entries.put(listing.entryKey(), new SourceEntry(listing, old.appliedAt(), 0, true));
      } else {
        put(listing.entryKey(), old, SourceEntry.listed(listing, fetchedAt));
      }
    }

    void miss(String id, SourceEntry old, long fetchedAt) {
      if (old.removed() || old.appliedAt() > fetchedAt) {
        return;
      }
      int misses = old.misses() + 1;
      if (misses >= MISSES_TO_DROP) {
        entries.remove(id);
        removed.add(id);
      } else {
        entries.put(id, new SourceEntry(old.listing(), old.appliedAt(), misses, false));
      }
    }

    void put(String id, SourceEntry old, SourceEntry next) {
      entries.put(id, next);
      boolean wasVisible = old != null && old.isVisible();
      if (!next.isVisible()) {
        if (wasVisible) {
          removed.add(id);
        }
      } else if (!wasVisible) {
        added.add(id);
      } else if (!old.listing().equals(next.listing())) {
        changed.add(id);
      }
    }

    Outcome outcome(CatalogState state, String gateway) {
      return new Outcome(state.withEntries(gateway, entries), added, changed, removed, stale);
    }
  }
}
