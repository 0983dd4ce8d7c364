package com.gatewayz.modelpages.catalog;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * When a re-merge of the listings a change touches ({@link IncrementalMerge}) may stand in for the
 * full merge: the change is small, no retired model came back, and nothing outside the re-merged
 * set moves (no id disappears, no new id was another model's, the pins stay).
 */
final class RemergeScope {

  static final int MIN_WIDE_CHANGE = 64;

  private RemergeScope() {}

  /** The most changed entries a re-merge takes for a catalog of {@code models}. */
  static int maxChanged(int models) {
    return Math.max(MIN_WIDE_CHANGE, models / 20);
  }

  /**
   * How many entries differ between two states (entries not shared), counted up to {@code limit} +
   * 1: cheap, for unchanged gateways share their maps.
   */
  static int changedEntries(CatalogState before, CatalogState after, int limit) {
    return changedEntries(before, after, limit, false);
  }

  /**
   * As {@link #changedEntries(CatalogState, CatalogState, int)}, not counting the entries whose
   * listing stayed the same (a refresh re-dates every entry it lists), which change no model.
   */
  static int changedListings(CatalogState before, CatalogState after, int limit) {
    return changedEntries(before, after, limit, true);
  }

  private static int changedEntries(
      CatalogState before, CatalogState after, int limit, boolean listingsOnly) {
    int changed = 0;
    for (Map.Entry<String, Map<String, SourceEntry>> source : after.sources().entrySet()) {
      Map<String, SourceEntry> prior = before.entriesOf(source.getKey());
      if (prior == source.getValue()) {
        continue;
      }
      Map<String, SourceEntry> entries = source.getValue();
      changed += Math.abs(prior.size() - entries.size());
      Set<String> keys = after.changedKeysSince(before, source.getKey());
      for (String key : keys != null ? keys : entries.keySet()) {
        SourceEntry entry = entries.get(key);
        SourceEntry old = prior.get(key);
        if (old != entry && !(listingsOnly && sameListing(old, entry)) && ++changed > limit) {
          return changed;
        }
      }
    }
    return changed;
  }

  private static boolean sameListing(SourceEntry old, SourceEntry entry) {
    return old != null
        && entry != null
        && old.isVisible()
        && entry.isVisible()
        && old.listing().equals(entry.listing());
  }

  // Outside the set nothing moves when every old id lives on, a new id is nobody's before, and the
  // pins stay as they are.
  static boolean keepsEverythingElse(
      Catalog before, Set<String> oldIds, Map<String, Model> byNewId, Map<String, String> pins) {
    Set<String> oldMembers = new HashSet<>();
    Map<String, String> oldPins = new HashMap<>();
    for (String id : oldIds) {
      Optional<Model> model = before.find(id);
      if (model.isEmpty() || !byNewId.containsKey(id)) {
        return false;
      }
      oldMembers.addAll(CanonicalIds.membersOf(model.get()));
      pinsOf(model.get(), oldPins);
    }
    Map<String, String> newPins = new HashMap<>();
    for (Model model : byNewId.values()) {
      if (before.find(model.id()).isEmpty()
          && CanonicalIds.membersOf(model).stream().anyMatch(oldMembers::contains)) {
        return false;
      }
      pinsOf(model, newPins);
    }
    return oldPins.equals(newPins) || samePinsAfter(pins, oldPins, newPins);
  }

  private static boolean samePinsAfter(
      Map<String, String> pins, Map<String, String> oldPins, Map<String, String> newPins) {
    Map<String, String> after = new HashMap<>(pins);
    after.keySet().removeAll(oldPins.keySet());
    after.putAll(newPins);
    return after.equals(pins);
  }

  // The pins a merge sets for a model that keeps its id (CanonicalIds#pinned).
  private static void pinsOf(Model model, Map<String, String> pins) {
    if (!model.id().equals(CanonicalIds.defaultId(model))) {
      CanonicalIds.membersOf(model).stream()
          .filter(member -> !member.equals(model.id()))
          .forEach(member -> pins.put(member, model.id()));
    }
  }
}
