package com.gatewayz.modelpages.catalog;

import com.gatewayz.modelpages.catalog.IncrementalMerge.Ref;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The listings a change can affect, for {@link IncrementalMerge}: the changed listings, every
 * listing holding an identity key or candidate id that one of them holds or held, and every listing
 * of a model one of them belonged to, transitively. Collects the ids of the models it reaches (the
 * ids the re-merge replaces). One walk per change.
 */
final class AffectedListings {

  private final Map<Ref, MergeItem> items;
  private final MergeKeyHolders holders;
  private final Function<String, List<Ref>> listingsOfModel;
  private final Set<String> oldIds;
  private final Set<Ref> reached = new HashSet<>();
  private final ArrayDeque<Long> keys = new ArrayDeque<>();

  /**
   * @param items the listings as re-indexed after the change
   * @param oldIds filled with the ids of the models the walk reaches
   */
  AffectedListings(
      Map<Ref, MergeItem> items,
      MergeKeyHolders holders,
      Function<String, List<Ref>> listingsOfModel,
      Set<String> oldIds) {
    this.items = items;
    this.holders = holders;
    this.listingsOfModel = listingsOfModel;
    this.oldIds = oldIds;
  }

  /** A changed listing's indexing before the change: its keys and model are reached too. */
  void released(MergeItem old) {
    pushAll(old.keys);
    if (old.model != null) {
      oldIds.add(old.model);
    }
  }

  /** The closure of {@code changed} and everything {@linkplain #released released}. */
  Set<Ref> from(List<Ref> changed) {
    changed.forEach(this::add);
    for (String id : List.copyOf(oldIds)) {
      listingsOfModel.apply(id).forEach(this::add);
    }
    Set<Long> seen = new HashSet<>();
    while (!keys.isEmpty()) {
      long key = keys.pop();
      if (seen.add(key)) {
        holders.of(key).forEach(this::add);
      }
    }
    return reached;
  }

  private void add(Ref ref) {
    MergeItem item = items.get(ref);
    if (item == null || !reached.add(ref)) {
      return;
    }
    pushAll(item.keys);
    if (item.model != null && oldIds.add(item.model)) {
      listingsOfModel.apply(item.model).forEach(this::add);
    }
  }

  private void pushAll(long[] values) {
    for (long value : values) {
      keys.push(value);
    }
  }
}
