package com.gatewayz.modelpages.catalog;

import com.gatewayz.modelpages.catalog.IncrementalMerge.Ref;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The changes of a re-merge that move no listing between models: a listing that stays visible under
 * the same id, seller and identity (a new price, description or context). The full merge groups
 * listings by those alone, in an order they do not change, so every model keeps its listings, its
 * place and its id, and only the models of such listings are built again from their listings. This
 * spares the walk over shared identity keys ({@link AffectedListings}): at 100,000 generated models
 * a price change reached 6 to 40 listings that way, and a refresh repricing 1% of them over 10,000,
 * which is past what a re-merge takes. Not thread-safe: the {@link IncrementalMerge} owns it.
 */
final class InPlaceChanges {

  private final CatalogMerger merger;
  private final Map<Ref, MergeItem> items;
  private final ModelPlaces places;
  private final Set<String> models = new LinkedHashSet<>();
  // The taken listings as identified when taken, so a rebuild does not identify them again.
  private final Map<Ref, CatalogMerger.Identified> identified = new HashMap<>();

  InPlaceChanges(CatalogMerger merger, Map<Ref, MergeItem> items, ModelPlaces places) {
    this.merger = merger;
    this.items = items;
    this.places = places;
  }

  /**
   * True when the change of {@code ref} to {@code entry} (null: removed) moves no listing between
   * models; its kept listing then takes the entry.
   */
  boolean take(Ref ref, SourceEntry entry) {
    MergeItem item = items.get(ref);
    if (entry == null
        || item == null
        || item.model == null
        || !entry.isVisible()
        || !entry.listing().id().equals(item.entry.listing().id())) {
      return false;
    }
    CatalogMerger.Identified was = merger.identify(ref.gateway(), item.entry);
    CatalogMerger.Identified now = merger.identify(ref.gateway(), entry);
    if (!was.seller().equals(now.seller()) || !was.identity().equals(now.identity())) {
      return false;
    }
    item.entry = entry;
    models.add(item.model);
    identified.put(ref, now);
    return true;
  }

  /** The models of the listings {@linkplain #take taken}. */
  Set<String> models() {
    return models;
  }

  /**
   * The models named {@code ids} built again from their listings as they are now, each joined by
   * the evidence that joined it before; empty when one's offers are not the memo's listings.
   */
  Optional<List<Model>> rebuilt(Set<String> ids, Catalog before) {
    List<Model> rebuilt = new ArrayList<>(ids.size());
    for (String id : ids) {
      Optional<Model> old = before.find(id);
      if (old.isEmpty()) {
        return Optional.empty();
      }
      Map<String, Evidence> joinedBy = new HashMap<>();
      old.get().offers().forEach(offer -> joinedBy.put(offer.gateway(), offer.evidence()));
      // The group as the merge built it: its listings in merge order, the first one's fields first.
      MergeGroup group = new MergeGroup(Integer.MAX_VALUE, 0);
      for (Ref ref : places.refsOf(id)) {
        SourceEntry entry = items.get(ref).entry;
        CatalogMerger.Identified listing =
            identified.computeIfAbsent(ref, r -> merger.identify(r.gateway(), entry));
        Evidence evidence = joinedBy.get(listing.seller());
        if (evidence == null) {
          return Optional.empty();
        }
        group.add(
            listing.seller(), entry.listing(), entry.appliedAt(), listing.identity(), evidence);
      }
      rebuilt.add(group.toModel(id));
    }
    return Optional.of(rebuilt);
  }
}
