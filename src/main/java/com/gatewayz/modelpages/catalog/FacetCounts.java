package com.gatewayz.modelpages.catalog;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * How many models name each value of a facet (developer, gateway), so a snapshot patched for a few
 * models updates its facets from those models alone: a value leaves when its count reaches zero.
 * (Patching by scanning every model for each model that left took seconds for a refresh at 100,000
 * models.) Immutable once built.
 */
final class FacetCounts {

  private final TreeMap<String, Integer> counts;

  private FacetCounts(TreeMap<String, Integer> counts) {
    this.counts = counts;
  }

  /** The counts of {@code valuesOf} over {@code models}; empty values are not counted. */
  static FacetCounts of(Collection<Model> models, Function<Model, List<String>> valuesOf) {
    TreeMap<String, Integer> counts = new TreeMap<>();
    models.forEach(model -> add(counts, valuesOf.apply(model), 1));
    return new FacetCounts(counts);
  }

  /** These counts without {@code gone} and with {@code added}. */
  FacetCounts patched(List<Model> gone, List<Model> added, Function<Model, List<String>> valuesOf) {
    // A model changed in place (a new price) names what it named: the same counts, not a copy of
    // every value (3,000 developers at 100,000 models).
    if (gone.size() == added.size() && sameValues(gone, added, valuesOf)) {
      return this;
    }
    TreeMap<String, Integer> next = new TreeMap<>(counts);
    gone.forEach(model -> add(next, valuesOf.apply(model), -1));
    added.forEach(model -> add(next, valuesOf.apply(model), 1));
    return new FacetCounts(next);
  }

  private static boolean sameValues(
      List<Model> gone, List<Model> added, Function<Model, List<String>> valuesOf) {
    for (int i = 0; i < gone.size(); i++) {
      if (!valuesOf.apply(gone.get(i)).equals(valuesOf.apply(added.get(i)))) {
        return false;
      }
    }
    return true;
  }

  private static void add(TreeMap<String, Integer> counts, List<String> values, int delta) {
    for (String value : values) {
      if (!value.isEmpty()) {
        counts.merge(value, delta, (old, change) -> old + change == 0 ? null : old + change);
      }
    }
  }

  /** The values at least one model names, sorted. */
  SortedSet<String> values() {
    return Collections.unmodifiableSortedSet(counts.navigableKeySet());
  }
}
