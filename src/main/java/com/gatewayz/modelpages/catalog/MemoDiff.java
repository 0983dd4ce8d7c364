package com.gatewayz.modelpages.catalog;

import com.gatewayz.modelpages.catalog.IncrementalMerge.Ref;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What changed between the state an {@link IncrementalMerge} describes and the next: the listings
 * whose entry differs, with their merge positions kept in step. A re-dated listing (same listing, a
 * newer date) changes no model: its kept item takes the entry. Used once per re-merge by the memo's
 * owner.
 */
final class MemoDiff {

  private final MergePositions positions;
  private final Map<Ref, MergeItem> items;
  private final CatalogState state;

  MemoDiff(MergePositions positions, Map<Ref, MergeItem> items, CatalogState state) {
    this.positions = positions;
    this.items = items;
    this.state = state;
  }

  /**
   * The refs whose entry differs; the order numbers follow the entry maps (new keys last, forgotten
   * keys gone), as the full merge walks them. An entry whose listing is the same (a refresh
   * re-dates every entry it lists) changes no model, only when its model last changed: it is
   * updated in place and its model named in {@code redated}.
   */
  List<Ref> changed(CatalogState next, Set<String> redated) {
    List<Ref> changed = new ArrayList<>();
    for (Map.Entry<String, Map<String, SourceEntry>> source : next.sources().entrySet()) {
      String gateway = source.getKey();
      Map<String, SourceEntry> after = source.getValue();
      Map<String, SourceEntry> prior = state.entriesOf(gateway);
      if (after == prior) {
        continue;
      }
      positions.register(gateway);
      Set<String> keys = next.changedKeysSince(state, gateway);
      int kept = 0;
      for (String key : keys != null ? keys : after.keySet()) {
        SourceEntry old = prior.get(key);
        kept += visit(new Ref(gateway, key), old, after.get(key), changed, redated);
      }
      if (keys == null && kept < prior.size()) {
        for (String key : prior.keySet()) {
          if (!after.containsKey(key)) {
            positions.forget(gateway, key);
            changed.add(new Ref(gateway, key));
          }
        }
      }
    }
    return changed;
  }

  // One key of a changed gateway; 1 when the key was there before and still is.
  private int visit(
      Ref ref, SourceEntry old, SourceEntry now, List<Ref> changed, Set<String> redated) {
    if (now == null) {
      if (old != null) {
        positions.forget(ref.gateway(), ref.key());
        changed.add(ref);
      }
      return 0;
    }
    if (old == null) {
      positions.append(ref.gateway(), ref.key());
    }
    if (old != now && !now.equals(old) && !redate(ref, old, now, redated)) {
      changed.add(ref);
    }
    return old == null ? 0 : 1;
  }

  private boolean redate(Ref ref, SourceEntry old, SourceEntry entry, Set<String> redated) {
    MergeItem item = items.get(ref);
    if (item == null
        || item.model == null
        || !old.isVisible()
        || !entry.isVisible()
        || !old.listing().equals(entry.listing())) {
      return false;
    }
    item.entry = entry;
    redated.add(item.model);
    return true;
  }
}
