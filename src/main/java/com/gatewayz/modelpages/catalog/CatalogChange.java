package com.gatewayz.modelpages.catalog;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What one catalog swap changed, by model id. A model whose record differs in any field is changed;
 * retiring a model is a removal.
 *
 * @param remote true when another node of the cluster made the change (and already purged for it)
 */
public record CatalogChange(
    Catalog before,
    Catalog after,
    Set<String> added,
    Set<String> changed,
    Set<String> removed,
    boolean remote) {

  public CatalogChange {
    added = Collections.unmodifiableSet(added);
    changed = Collections.unmodifiableSet(changed);
    removed = Collections.unmodifiableSet(removed);
  }

  /** The difference between two snapshots. */
  public static CatalogChange between(Catalog before, Catalog after) {
    Set<String> added = new LinkedHashSet<>();
    Set<String> changed = new LinkedHashSet<>();
    Set<String> removed = new LinkedHashSet<>();
    for (Model model : after.models()) {
      before
          .find(model.id())
          .ifPresentOrElse(
              old -> {
                if (!old.equals(model)) {
                  changed.add(model.id());
                }
              },
              () -> added.add(model.id()));
    }
    for (Model model : before.models()) {
      if (after.find(model.id()).isEmpty()) {
        removed.add(model.id());
      }
    }
    return new CatalogChange(before, after, added, changed, removed, false);
  }

  /**
   * The difference between two snapshots that differ at most in the models {@code ids} names (as an
   * incremental merge knows): only those are compared. {@code ids} in the order of {@code after}'s
   * models, removed ones last.
   */
  static CatalogChange among(Catalog before, Catalog after, Collection<String> ids) {
    Set<String> added = new LinkedHashSet<>();
    Set<String> changed = new LinkedHashSet<>();
    Set<String> removed = new LinkedHashSet<>();
    for (String id : ids) {
      Optional<Model> old = before.find(id);
      Optional<Model> now = after.find(id);
      if (now.isEmpty()) {
        old.ifPresent(model -> removed.add(id));
      } else if (old.isEmpty()) {
        added.add(id);
      } else if (!old.get().equals(now.get())) {
        changed.add(id);
      }
    }
    return new CatalogChange(before, after, added, changed, removed, false);
  }

  /** This change as made by another node. */
  public CatalogChange asRemote() {
    return new CatalogChange(before, after, added, changed, removed, true);
  }

  public boolean isEmpty() {
    return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
  }

  /** Every id that was added, changed or removed. */
  public Set<String> touched() {
    Set<String> all = new LinkedHashSet<>(added);
    all.addAll(changed);
    all.addAll(removed);
    return all;
  }
}
