package com.gatewayz.modelpages.catalog;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The changes gateways and webhooks make to the {@link CatalogState}, with the rule of who wins:
 * per (gateway, model) the newest information by event time; on equal times a removal wins. An
 * entry that leaves (dropped by refreshes, removed by a webhook) stays as a tombstone with its
 * time, so an older event replayed later is stale instead of bringing it back; tombstones are
 * forgotten {@link #TOMBSTONE_TTL} after their time, longer than any accepted event's age. Pure
 * functions of the state.
 */
public final class CatalogUpdates {

  /** A gateway must miss a model on this many consecutive successful refreshes to drop it. */
  public static final int MISSES_TO_DROP = 2;

  /** Events (webhooks) whose time is older than this are stale, whatever they say. */
  public static final Duration MAX_EVENT_AGE = Duration.ofDays(3);

  /**
   * How long a tombstone keeps its time. Longer than {@link #MAX_EVENT_AGE}, so every event old
   * enough to lose against a forgotten tombstone is already refused for its age.
   */
  public static final Duration TOMBSTONE_TTL = Duration.ofDays(7);

  private CatalogUpdates() {}

  /**
   * What one change did to one gateway's entries, by model id.
   *
   * @param stale entries left alone because newer information was already applied
   */
  public record Outcome(
      CatalogState state,
      Set<String> added,
      Set<String> changed,
      Set<String> removed,
      Set<String> stale) {

    public boolean appliedAnything() {
      return !added.isEmpty() || !changed.isEmpty() || !removed.isEmpty();
    }
  }

  /**
   * A successful refresh of {@code gateway} fetched at {@code fetchedAt} listed exactly {@code
   * listings}.
   */
  public static Outcome refresh(
      CatalogState state, String gateway, List<Listing> listings, long fetchedAt) {
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

  /**
   * A webhook said these models are offered by {@code gateway} as of {@code eventTime}. What a
   * webhook's model cannot say (the gateway's own id, canonical slug, provider, Hugging Face repo:
   * see {@link #keepUnsaid}) is kept from the gateway's listing of it.
   */
  public static Outcome upsert(
      CatalogState state, String gateway, List<Listing> listings, long eventTime) {
    Changes changes = new Changes(state.entriesOf(gateway));
    for (Listing listing : listings) {
      SourceEntry old = changes.entries.get(listing.entryKey());
      if (old != null && old.isNewerThan(eventTime)) {
        changes.stale.add(listing.entryKey());
      } else {
        Listing said = old == null ? listing : keepUnsaid(listing, old.listing());
        changes.put(listing.entryKey(), old, SourceEntry.listed(said, eventTime));
      }
    }
    return changes.outcome(state, gateway);
  }

  /**
   * {@code said} with the fields a webhook's model has no field for taken from {@code listed}, the
   * gateway's listing of the same model, when {@code said} lacks them. Without this a price change
   * by webhook dropped the Hugging Face repo a refresh had listed: the model could merge with other
   * offers differently until the next refresh restored it (a change of identity each time, and a
   * whole re-merge of the catalog).
   */
  static Listing keepUnsaid(Listing said, Listing listed) {
    if (listed == null || !listed.id().equals(said.id())) {
      return said;
    }
    return new Listing(
        said.id(),
        said.gatewayModelId().equals(said.id()) ? listed.gatewayModelId() : said.gatewayModelId(),
        said.canonicalSlug() != null ? said.canonicalSlug() : listed.canonicalSlug(),
        said.name(),
        said.developer(),
        said.description(),
        said.contextLength(),
        said.maxCompletionTokens(),
        said.pricing(),
        said.architecture(),
        said.supportedParameters(),
        said.created(),
        said.provider() != null ? said.provider() : listed.provider(),
        said.huggingFaceId() != null ? said.huggingFaceId() : listed.huggingFaceId());
  }

  /**
   * A webhook said {@code gateway} no longer offers these models as of {@code eventTime}. The
   * marker counts as not listed (misses 1) until a refresh of the gateway lists the model.
   */
  public static Outcome remove(
      CatalogState state, String gateway, List<String> ids, long eventTime) {
    Changes changes = new Changes(state.entriesOf(gateway));
    for (String id : ids) {
      SourceEntry old = changes.entries.get(id);
      if (old != null && old.appliedAt() > eventTime) {
        changes.stale.add(id);
      } else {
        Listing last = old == null ? null : old.listing();
        changes.put(id, old, new SourceEntry(last, eventTime, 1, true));
      }
    }
    return changes.outcome(state, gateway);
  }

  /**
   * A webhook reported {@code gateway}'s status as of {@code eventTime}; an older report than the
   * one kept is stale (then {@link Outcome#stale()} holds the gateway id).
   */
  public static Outcome status(CatalogState state, String gateway, String status, long eventTime) {
    ReportedStatus old = state.gatewayStatus().get(gateway);
    if (old != null && old.reportedAt() > eventTime) {
      return new Outcome(state, Set.of(), Set.of(), Set.of(), Set.of(gateway));
    }
    CatalogState next = state.withGatewayStatus(gateway, new ReportedStatus(status, eventTime));
    return new Outcome(next, Set.of(), Set.of(), Set.of(), Set.of());
  }

  /** {@code state} without the tombstones older than {@link #TOMBSTONE_TTL} at {@code now}. */
  public static CatalogState forgetExpired(CatalogState state, long now) {
    CatalogState next = state;
    for (Map.Entry<String, Map<String, SourceEntry>> source : state.sources().entrySet()) {
      Map<String, SourceEntry> kept = withoutExpired(source.getValue(), now);
      if (kept != source.getValue()) {
        next = next.withEntries(source.getKey(), kept);
      }
    }
    return next;
  }

  /** {@code entries} without the tombstones expired at {@code now}; the same map when none. */
  static Map<String, SourceEntry> withoutExpired(Map<String, SourceEntry> entries, long now) {
    long before = now - TOMBSTONE_TTL.toMillis();
    if (entries.values().stream().noneMatch(entry -> entry.isForgettable(before))) {
      return entries;
    }
    Map<String, SourceEntry> kept = new LinkedHashMap<>(entries);
    kept.values().removeIf(entry -> entry.isForgettable(before));
    return kept;
  }

  /** The entries of one gateway being changed, with what changed. */
  private static final class Changes {
    final LayeredEntries.Edit<String, SourceEntry> entries;
    // Every key set, in order: the state's diffs walk these instead of the gateway's every entry.
    final Set<String> set = new LinkedHashSet<>();
    final Set<String> added = new LinkedHashSet<>();
    final Set<String> changed = new LinkedHashSet<>();
    final Set<String> removed = new LinkedHashSet<>();
    final Set<String> stale = new LinkedHashSet<>();

    Changes(Map<String, SourceEntry> current) {
      this.entries = LayeredEntries.edit(current);
    }

    void list(Listing listing, long fetchedAt) {
      SourceEntry old = entries.get(listing.entryKey());
      if (old != null && old.isNewerThan(fetchedAt)) {
        stale.add(listing.entryKey());
      } else if (old != null
          && old.removed()
          && (old.listing() == null || old.listing().equals(listing))) {
        // Removed by a webhook: it stays removed until the gateway's listing of it changes.
        set(listing.entryKey(), new SourceEntry(listing, old.appliedAt(), 0, true));
      } else {
        put(listing.entryKey(), old, SourceEntry.listed(sameOrNew(old, listing), fetchedAt));
      }
    }

    // A listing equal to the one held keeps the held object: a refresh lists every model again,
    // and the freshly parsed copies (their own strings and lists) would otherwise replace objects
    // the snapshot reader shares; at 100,000 models a refresh grew the heap by ~90 MB.
    private static Listing sameOrNew(SourceEntry old, Listing listing) {
      return old != null && listing.equals(old.listing()) ? old.listing() : listing;
    }

    void miss(String id, SourceEntry old, long fetchedAt) {
      if (old.appliedAt() > fetchedAt || !old.isVisible()) {
        if (old.removed() && old.misses() == 0) {
          set(id, new SourceEntry(old.listing(), old.appliedAt(), 1, true));
        }
        return;
      }
      int misses = old.misses() + 1;
      if (misses >= MISSES_TO_DROP) {
        set(id, SourceEntry.dropped(fetchedAt));
        removed.add(id);
      } else {
        set(id, new SourceEntry(old.listing(), old.appliedAt(), misses, false));
      }
    }

    private void set(String id, SourceEntry entry) {
      entries.put(id, entry);
      set.add(id);
    }

    void put(String id, SourceEntry old, SourceEntry next) {
      set(id, next);
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
      return new Outcome(
          state.withChangedEntries(gateway, entries.done(), set), added, changed, removed, stale);
    }
  }
}
