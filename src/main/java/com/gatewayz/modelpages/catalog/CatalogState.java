package com.gatewayz.modelpages.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the catalog is derived from, persisted as is: per gateway, what it listed or a webhook
 * said, entry by entry (model id), with event times, tombstones included; the retired models;
 * gateway statuses reported by webhooks, with their event times; the canonical ids that outlive a
 * change of the merge (first published id wins). Immutable: changes build a new state. The merged
 * {@link Catalog} is a function of it.
 */
public final class CatalogState {

  private final Map<String, Map<String, SourceEntry>> sources;
  private final Map<String, RetiredModel> retired;
  private final Map<String, ReportedStatus> gatewayStatus;
  private final Map<String, String> canonicalIds;
  // The sources these were made from by a change of one gateway's entries, and the keys it set
  // there (in the order the new map added them): a diff of the two walks those keys only, not the
  // gateway's every entry. Only the parent map of gateways is held, not its state: no chain.
  private final Lineage lineage;

  private record Lineage(
      Map<String, Map<String, SourceEntry>> parent, String gateway, Set<String> keys) {}

  public CatalogState(
      Map<String, Map<String, SourceEntry>> sources,
      Map<String, RetiredModel> retired,
      Map<String, ReportedStatus> gatewayStatus) {
    this(sources, retired, gatewayStatus, Map.of());
  }

  /**
   * @param canonicalIds listing id → the id its model was first published under, for the models
   *     whose merge would now pick another id (see {@link CanonicalIds})
   */
  public CatalogState(
      Map<String, Map<String, SourceEntry>> sources,
      Map<String, RetiredModel> retired,
      Map<String, ReportedStatus> gatewayStatus,
      Map<String, String> canonicalIds) {
    Map<String, Map<String, SourceEntry>> copy = new LinkedHashMap<>();
    sources.forEach(
        (gateway, entries) ->
            copy.put(gateway, Collections.unmodifiableMap(new LinkedHashMap<>(entries))));
    this.sources = Collections.unmodifiableMap(copy);
    this.retired = Collections.unmodifiableMap(new LinkedHashMap<>(retired));
    this.gatewayStatus = Collections.unmodifiableMap(new LinkedHashMap<>(gatewayStatus));
    this.canonicalIds = Collections.unmodifiableMap(new LinkedHashMap<>(canonicalIds));
    this.lineage = null;
  }

  // Parts already copied and unmodifiable, shared between states: a change copies only what it
  // changes, not every gateway's entries.
  private CatalogState(
      Map<String, Map<String, SourceEntry>> sources,
      Map<String, RetiredModel> retired,
      Map<String, ReportedStatus> gatewayStatus,
      Map<String, String> canonicalIds,
      Lineage lineage) {
    this.sources = sources;
    this.retired = retired;
    this.gatewayStatus = gatewayStatus;
    this.canonicalIds = canonicalIds;
    this.lineage = lineage;
  }

  public static CatalogState empty() {
    return new CatalogState(Map.of(), Map.of(), Map.of());
  }

  /**
   * The state the bundled curated data describes: each curated offer as its gateway's entry, at
   * time 0.
   */
  public static CatalogState seededFrom(List<Model> curated) {
    Map<String, Map<String, SourceEntry>> sources = new LinkedHashMap<>();
    for (Model model : curated) {
      for (Offer offer : model.offers()) {
        sources
            .computeIfAbsent(offer.gateway(), g -> new LinkedHashMap<>())
            .putIfAbsent(model.id(), SourceEntry.listed(Listing.of(model, offer), 0));
      }
    }
    return new CatalogState(sources, Map.of(), Map.of());
  }

  /** Entries by gateway id, then by model id, in the order the gateway listed them. */
  public Map<String, Map<String, SourceEntry>> sources() {
    return sources;
  }

  public Map<String, SourceEntry> entriesOf(String gateway) {
    return sources.getOrDefault(gateway, Map.of());
  }

  public Map<String, RetiredModel> retired() {
    return retired;
  }

  public Map<String, ReportedStatus> gatewayStatus() {
    return gatewayStatus;
  }

  /** Listing id → the canonical id its model keeps; empty for models the merge names itself. */
  public Map<String, String> canonicalIds() {
    return canonicalIds;
  }

  public CatalogState withEntries(String gateway, Map<String, SourceEntry> entries) {
    return withSources(gateway, new LinkedHashMap<>(entries), null);
  }

  /**
   * With {@code owned} (a map no one changes, kept without a copy) as {@code gateway}'s entries,
   * where only {@code keys} (in the order the map added the new ones) were set.
   */
  CatalogState withChangedEntries(
      String gateway, Map<String, SourceEntry> owned, Set<String> keys) {
    return withSources(gateway, owned, Collections.unmodifiableSet(new LinkedHashSet<>(keys)));
  }

  private CatalogState withSources(
      String gateway, Map<String, SourceEntry> entries, Set<String> keys) {
    Map<String, Map<String, SourceEntry>> next = new LinkedHashMap<>(sources);
    // Layered entries are unmodifiable already; kept as they are, a change can share their base.
    next.put(
        gateway,
        entries instanceof LayeredEntries ? entries : Collections.unmodifiableMap(entries));
    Lineage made = keys == null ? null : new Lineage(sources, gateway, keys);
    return new CatalogState(
        Collections.unmodifiableMap(next), retired, gatewayStatus, canonicalIds, made);
  }

  /**
   * The keys of {@code gateway} whose entries may differ from {@code before}'s, in the order this
   * state's map added the new ones; null when not known (then compare the maps whole).
   */
  Set<String> changedKeysSince(CatalogState before, String gateway) {
    if (before.sources == sources) {
      return Set.of();
    }
    if (lineage == null || lineage.parent() != before.sources) {
      return null;
    }
    return lineage.gateway().equals(gateway) ? lineage.keys() : Set.of();
  }

  /**
   * The keys set on {@code gateway}'s entries when this state was made from sources where its
   * entries were {@code parent}; null when not known.
   */
  Set<String> keysSetOver(String gateway, Map<String, SourceEntry> parent) {
    if (lineage == null
        || !lineage.gateway().equals(gateway)
        || lineage.parent().get(gateway) != parent) {
      return null;
    }
    return lineage.keys();
  }

  public CatalogState withRetired(Map<String, RetiredModel> newRetired) {
    Map<String, RetiredModel> copy =
        newRetired == retired
            ? retired
            : Collections.unmodifiableMap(new LinkedHashMap<>(newRetired));
    return new CatalogState(sources, copy, gatewayStatus, canonicalIds, lineage);
  }

  public CatalogState withGatewayStatus(String gateway, ReportedStatus status) {
    Map<String, ReportedStatus> next = new LinkedHashMap<>(gatewayStatus);
    next.put(gateway, status);
    return new CatalogState(
        sources, retired, Collections.unmodifiableMap(next), canonicalIds, lineage);
  }

  public CatalogState withCanonicalIds(Map<String, String> newCanonicalIds) {
    return new CatalogState(
        sources,
        retired,
        gatewayStatus,
        Collections.unmodifiableMap(new LinkedHashMap<>(newCanonicalIds)),
        lineage);
  }

  @Override
  public boolean equals(Object other) {
    return this == other
        || other instanceof CatalogState state
            && sameSources(state)
            && retired.equals(state.retired)
            && gatewayStatus.equals(state.gatewayStatus)
            && canonicalIds.equals(state.canonicalIds);
  }

  // A state made from the other by one change of entries differs at most in the keys it set.
  private boolean sameSources(CatalogState other) {
    if (sources == other.sources) {
      return true;
    }
    if (lineage == null
        || lineage.parent() != other.sources
        || !other.sources.containsKey(lineage.gateway())) {
      return sources.equals(other.sources);
    }
    Map<String, SourceEntry> mine = entriesOf(lineage.gateway());
    Map<String, SourceEntry> theirs = other.entriesOf(lineage.gateway());
    return mine.size() == theirs.size()
        && lineage.keys().stream()
            .allMatch(key -> java.util.Objects.equals(mine.get(key), theirs.get(key)));
  }

  @Override
  public int hashCode() {
    return sources.hashCode();
  }
}
