package com.gatewayz.modelpages.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Where each model of a kept merge stands in the popularity order (its rank, then the merge
 * position of its first listing) and the listings it is made of. The catalog's model list is in
 * that order, so a re-merge patches it by place: a binary search per replaced or new model, not a
 * lookup per model of the catalog. Not thread-safe: the {@link IncrementalMerge} owns it.
 */
final class ModelPlaces {

  /** A model's place in the popularity order and the listings it is made of. */
  record Place(int rank, long position, List<IncrementalMerge.Ref> refs) {}

  private final Map<String, Place> places = new HashMap<>();

  void put(String id, Place place) {
    places.put(id, place);
  }

  List<IncrementalMerge.Ref> refsOf(String id) {
    return places.get(id).refs();
  }

  /** The places of {@code ids} as they are now, kept before a re-merge replaces them. */
  Map<String, Place> of(Set<String> ids) {
    Map<String, Place> old = new HashMap<>();
    ids.forEach(id -> old.put(id, places.get(id)));
    return old;
  }

  /**
   * {@code models} without those of {@code old}, each found by its place; null when one is not
   * where the memo says.
   */
  List<Model> without(List<Model> models, Map<String, Place> old) {
    if (old.isEmpty()) {
      return new ArrayList<>(models);
    }
    Function<String, Place> place = id -> old.containsKey(id) ? old.get(id) : places.get(id);
    int[] gone = new int[old.size()];
    int count = 0;
    for (Map.Entry<String, Place> replaced : old.entrySet()) {
      int at = insertionPoint(models, replaced.getValue(), place);
      if (at == models.size() || !models.get(at).id().equals(replaced.getKey())) {
        return null;
      }
      gone[count++] = at;
    }
    Arrays.sort(gone);
    // Block copies around the few models that go: at 100,000 models an element loop took ~2 ms.
    Object[] all = models.toArray();
    Model[] kept = new Model[all.length - gone.length];
    int from = 0;
    int to = 0;
    for (int at : gone) {
      System.arraycopy(all, from, kept, to, at - from);
      to += at - from;
      from = at + 1;
    }
    System.arraycopy(all, from, kept, to, all.length - from);
    List<Model> list = new ArrayList<>(kept.length + 16);
    list.addAll(Arrays.asList(kept));
    return list;
  }

  /** Puts into {@code lastModified} when model {@code id} last changed: its newest listing's. */
  void putLastApplied(
      String id, Map<IncrementalMerge.Ref, MergeItem> items, Map<String, Long> lastModified) {
    long applied = 0;
    for (IncrementalMerge.Ref ref : refsOf(id)) {
      applied = Math.max(applied, items.get(ref).entry.appliedAt());
    }
    if (applied > 0) {
      lastModified.put(id, applied);
    }
  }

  /** Puts each of {@code added} (placed already) at its place in {@code models}. */
  void insert(List<Model> models, List<Model> added) {
    for (Model model : added) {
      models.add(insertionPoint(models, places.get(model.id()), places::get), model);
    }
  }

  /**
   * Puts each of {@code changed} where the model of its id stands in {@code models}, for models
   * that keep their place; false when one is not where the memo says.
   */
  boolean replace(List<Model> models, List<Model> changed) {
    for (Model model : changed) {
      int at = insertionPoint(models, places.get(model.id()), places::get);
      if (at == models.size() || !models.get(at).id().equals(model.id())) {
        return false;
      }
      models.set(at, model);
    }
    return true;
  }

  private static int insertionPoint(
      List<Model> models, Place model, Function<String, Place> place) {
    int low = 0;
    int high = models.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (compare(place.apply(models.get(mid).id()), model) < 0) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  private static int compare(Place a, Place b) {
    int byRank = Integer.compare(a.rank(), b.rank());
    return byRank != 0 ? byRank : Long.compare(a.position(), b.position());
  }
}
