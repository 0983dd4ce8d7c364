package com.gatewayz.modelpages.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The merge of one catalog state, kept so that a small change re-merges only the listings it can
 * affect: the changed listings, every listing sharing an identity key or a candidate id (its own
 * id, the id pinned for it) with them, transitively, and the other listings of their models. Such a
 * set resolves against nothing outside itself, so merging it alone in the global merge order gives
 * what the full merge ({@link CatalogMerger#merged}) gives for it; the models outside it are kept
 * as they are. A listing whose change keeps its identity (a new price) moves nothing: only its
 * model is built again ({@link InPlaceChanges}). It declines (empty) when a change could move
 * something outside the set: a model id that disappears, a new id another model answered to, pins
 * that would change, a large change. Keys are kept as 64-bit hashes: a collision only widens the
 * set. Not thread-safe: the catalog service's writer owns it.
 */
final class IncrementalMerge {

  /** A listing's place in the state: its gateway and entry key. */
  record Ref(String gateway, String key) {}

  private final CatalogMerger merger;
  private final MergePositions positions;
  private final Map<Ref, MergeItem> items = new HashMap<>();
  private final MergeKeyHolders holders = new MergeKeyHolders();
  private final ModelPlaces places = new ModelPlaces();
  private CatalogState state;
  private boolean dead;

  private IncrementalMerge(CatalogMerger merger, CatalogState state) {
    this.merger = merger;
    this.positions = new MergePositions(merger);
    this.state = state;
  }

  /**
   * The merge of {@code state}, whose catalog is {@code catalog}; empty when it cannot be kept (too
   * many gateways, a priority out of range, duplicate ids, pins the state does not hold as a merge
   * would set them), in which case every change takes the full merge.
   */
  static Optional<IncrementalMerge> of(CatalogMerger merger, CatalogState state, Catalog catalog) {
    IncrementalMerge memo = new IncrementalMerge(merger, state);
    List<Model> models = memo.mergeAll();
    return models != null && memo.isMergeOf(catalog, models) ? Optional.of(memo) : Optional.empty();
  }

  /** The catalog of a whole merge and the memo of that merge. */
  record Whole(Catalog catalog, IncrementalMerge memo) {}

  /**
   * The whole merge of {@code state} and its memo in one pass: the memo's merge is the full merge
   * (the property tests hold it to that), so the catalog is built from it instead of merging the
   * state twice (at start with 100,000 models the second merge took seconds of a core, beside the
   * pre-render). Empty when the memo cannot be kept ({@link #of}): the caller merges the whole
   * state.
   */
  static Optional<Whole> whole(CatalogMerger merger, CatalogState state) {
    IncrementalMerge memo = new IncrementalMerge(merger, state);
    List<Model> models = memo.mergeAll();
    if (models == null) {
      return Optional.empty();
    }
    Map<String, Long> lastModified = new HashMap<>();
    models.forEach(model -> memo.places.putLastApplied(model.id(), memo.items, lastModified));
    Catalog catalog = Catalog.of(models, state.retired(), lastModified);
    return memo.isMergeOf(catalog, models)
        ? Optional.of(new Whole(catalog, memo))
        : Optional.empty();
  }

  private boolean isMergeOf(Catalog catalog, List<Model> models) {
    return models.equals(catalog.models())
        && CanonicalIds.pinned(catalog, models).equals(state.canonicalIds())
        && Retirements.noneReturned(state.retired(), models);
  }

  // Indexes every visible listing of the state and merges them all, as the full merge does; null
  // when the state does not fit a memo. Large gateways are identified on every core.
  private List<Model> mergeAll() {
    if (state.sources().size() > MergePositions.MAX_GATEWAYS) {
      return null;
    }
    List<Indexed> all = new ArrayList<>();
    for (Map.Entry<String, Map<String, SourceEntry>> source : state.sources().entrySet()) {
      String gateway = source.getKey();
      if (!positions.fits(gateway)) {
        return null;
      }
      positions.register(gateway);
      List<String> keys = new ArrayList<>(source.getValue().keySet());
      List<CatalogMerger.Identified> identities =
          merger.identifyAll(gateway, source.getValue().values());
      for (int i = 0; i < keys.size(); i++) {
        positions.append(gateway, keys.get(i));
        CatalogMerger.Identified identified = identities.get(i);
        if (identified != null) {
          MergeItem item = itemOf(new Ref(gateway, keys.get(i)), identified, state.canonicalIds());
          items.put(item.ref, item);
          holders.add(item.ref, item.keys);
          all.add(new Indexed(item, identified));
        }
      }
    }
    all.sort(Comparator.comparingLong(indexed -> indexed.item().position));
    List<MergeItem> sorted = new ArrayList<>(all.size());
    List<CatalogMerger.Identified> identified = new ArrayList<>(all.size());
    all.forEach(
        indexed -> {
          sorted.add(indexed.item());
          identified.add(indexed.identified());
        });
    return merge(sorted, identified, state.canonicalIds());
  }

  private record Indexed(MergeItem item, CatalogMerger.Identified identified) {}

  /**
   * True when this memo is the merge of {@code other}: it shares this memo's state's sources, pins
   * and retired models (a status change keeps the memo).
   */
  boolean describes(CatalogState other) {
    return !dead
        && state.sources() == other.sources()
        && state.canonicalIds() == other.canonicalIds()
        && state.retired() == other.retired();
  }

  /**
   * Makes this memo describe {@code same}: the state it re-merged to with other retired models or
   * statuses, which the merge does not read. Its sources and pins must be that state's.
   */
  void follow(CatalogState same) {
    if (same.sources() != state.sources() || same.canonicalIds() != state.canonicalIds()) {
      throw new IllegalArgumentException("not the state this memo re-merged to");
    }
    state = same;
  }

  /**
   * Re-merges what changed from the state this memo describes to {@code next}, given the catalog
   * {@code before} of that state. Empty when the change is not one this memo can take; the memo is
   * then spent ({@link #describes} false) if it had started to follow the change.
   */
  Optional<Remerged> remerge(CatalogState next, Catalog before) {
    if (dead
        || !next.canonicalIds().equals(state.canonicalIds())
        || !next.sources().keySet().containsAll(state.sources().keySet())) {
      return Optional.empty();
    }
    Set<String> redated = new HashSet<>();
    List<Ref> changed = new MemoDiff(positions, items, state).changed(next, redated);
    if (changed.size() > RemergeScope.maxChanged(items.size())) {
      dead = true;
      return Optional.empty();
    }
    InPlaceChanges inPlace = new InPlaceChanges(merger, items, places);
    List<Ref> moving = new ArrayList<>(changed.size());
    for (Ref ref : changed) {
      if (!inPlace.take(ref, next.entriesOf(ref.gateway()).get(ref.key()))) {
        moving.add(ref);
      }
    }
    Set<String> oldIds = new HashSet<>();
    Set<Ref> set = affected(moving, next, oldIds);
    if (set.size() > Math.max(RemergeScope.MIN_WIDE_CHANGE, items.size() / 10)) {
      dead = true;
      return Optional.empty();
    }
    List<MergeItem> sorted = new ArrayList<>(set.size());
    set.forEach(ref -> sorted.add(items.get(ref)));
    sorted.sort(Comparator.comparingLong(item -> item.position));
    Map<String, ModelPlaces.Place> oldPlaces = places.of(oldIds);
    List<Model> merged = merge(sorted, next.canonicalIds());
    Set<String> rebuiltIds = new LinkedHashSet<>(inPlace.models());
    rebuiltIds.removeAll(oldIds);
    Optional<List<Model>> rebuilt = inPlace.rebuilt(rebuiltIds, before);
    Map<String, Model> byNewId = new LinkedHashMap<>();
    merged.forEach(model -> byNewId.putIfAbsent(model.id(), model));
    Set<String> replaced = new HashSet<>(oldIds);
    replaced.addAll(rebuiltIds);
    Map<String, Model> allNew = new LinkedHashMap<>(byNewId);
    rebuilt.ifPresent(models -> models.forEach(model -> allNew.put(model.id(), model)));
    // Two models under one id (the catalog keeps the first): left to the full merge.
    if (byNewId.size() < merged.size()
        || rebuilt.isEmpty()
        || !RemergeScope.keepsEverythingElse(before, replaced, allNew, next.canonicalIds())) {
      dead = true;
      return Optional.empty();
    }
    List<Model> kept = places.without(before.models(), oldPlaces);
    if (kept == null) {
      dead = true;
      return Optional.empty();
    }
    places.insert(kept, List.copyOf(byNewId.values()));
    if (!places.replace(kept, rebuilt.get())) {
      dead = true;
      return Optional.empty();
    }
    state = next;
    redated.removeAll(replaced);
    return Optional.of(result(kept, replaced, List.copyOf(allNew.values()), redated));
  }

  // Re-indexes the changed listings and returns every listing the change can affect.
  private Set<Ref> affected(List<Ref> changed, CatalogState next, Set<String> oldIds) {
    AffectedListings walk = new AffectedListings(items, holders, places::refsOf, oldIds);
    for (Ref ref : changed) {
      MergeItem old = items.remove(ref);
      if (old != null) {
        holders.remove(old.ref, old.keys);
        walk.released(old);
      }
      SourceEntry entry = next.entriesOf(ref.gateway()).get(ref.key());
      if (entry != null) {
        itemOf(ref, entry, next.canonicalIds())
            .ifPresent(
                item -> {
                  items.put(ref, item);
                  holders.add(item.ref, item.keys);
                });
      }
    }
    return walk.from(changed);
  }

  private Remerged result(
      List<Model> models, Set<String> replaced, List<Model> newModels, Set<String> redated) {
    Map<String, Long> lastModified = new HashMap<>();
    newModels.forEach(model -> places.putLastApplied(model.id(), items, lastModified));
    redated.forEach(id -> places.putLastApplied(id, items, lastModified));
    return new Remerged(models, replaced, newModels, lastModified);
  }

  // The full merge's steps on items given in merge order: group, order by popularity, name.
  private List<Model> merge(List<MergeItem> sorted, Map<String, String> pins) {
    List<CatalogMerger.Identified> identified = new ArrayList<>(sorted.size());
    sorted.forEach(item -> identified.add(merger.identify(item.ref.gateway(), item.entry)));
    return merge(sorted, identified, pins);
  }

  private List<Model> merge(
      List<MergeItem> sorted, List<CatalogMerger.Identified> identified, Map<String, String> pins) {
    MergeGroup[] groupOf = new MergeGroup[sorted.size()];
    List<MergeGroup> groups = merger.group(identified, sorted.size(), groupOf);
    groups.sort(Comparator.comparingInt((MergeGroup g) -> g.rank).thenComparingInt(g -> g.order));
    Map<MergeGroup, List<Ref>> refs = new HashMap<>();
    for (int i = 0; i < sorted.size(); i++) {
      refs.computeIfAbsent(groupOf[i], g -> new ArrayList<>(2)).add(sorted.get(i).ref);
    }
    List<Model> models = new ArrayList<>(groups.size());
    Set<String> taken = new HashSet<>();
    for (MergeGroup group : groups) {
      Model model = group.toModel(CanonicalIds.idOf(group.listings, pins, taken));
      places.put(
          model.id(),
          new ModelPlaces.Place(
              group.rank, sorted.get(group.firstItem).position, List.copyOf(refs.get(group))));
      refs.get(group).forEach(ref -> items.get(ref).model = model.id());
      models.add(model);
    }
    return models;
  }

  private Optional<MergeItem> itemOf(Ref ref, SourceEntry entry, Map<String, String> pins) {
    if (!entry.isVisible()) {
      return Optional.empty();
    }
    return Optional.of(itemOf(ref, merger.identify(ref.gateway(), entry), pins));
  }

  private MergeItem itemOf(Ref ref, CatalogMerger.Identified identified, Map<String, String> pins) {
    SourceEntry entry = identified.entry();
    List<ModelIdentity.Key> identity = identified.identity().keys();
    String id = entry.listing().id();
    String pinned = pins.get(id);
    long[] keys = new long[identity.size() + (pinned == null ? 1 : 2)];
    for (int i = 0; i < identity.size(); i++) {
      keys[i] = MergeKeyHolders.hash("k", identity.get(i).value());
    }
    keys[identity.size()] = MergeKeyHolders.hash("#", id);
    if (pinned != null) {
      keys[identity.size() + 1] = MergeKeyHolders.hash("#", pinned);
    }
    return new MergeItem(ref, entry, positions.of(ref, identified.identity().exact()), keys);
  }
}
