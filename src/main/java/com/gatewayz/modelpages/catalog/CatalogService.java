package com.gatewayz.modelpages.catalog;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * Holds the current catalog snapshot. Readers call {@link #current()} and never lock; writers are
 * serialised, swap a whole new snapshot and tell the listeners what changed.
 */
public final class CatalogService {

  private final AtomicReference<Catalog> current;
  private final List<CatalogListener> listeners = new CopyOnWriteArrayList<>();
  private final Object writeLock = new Object();

  public CatalogService(Catalog initial) {
    this.current = new AtomicReference<>(Objects.requireNonNull(initial));
  }

  public Catalog current() {
    return current.get();
  }

  public void addListener(CatalogListener listener) {
    listeners.add(listener);
  }

  /**
   * Applies {@code update} to the current snapshot and swaps in the result; listeners run before
   * this returns. Returns what changed (empty when nothing did, and then no listener runs).
   */
  public CatalogChange update(UnaryOperator<Catalog> update) {
    synchronized (writeLock) {
      Catalog before = current.get();
      Catalog after = Objects.requireNonNull(update.apply(before), "update returned null");
      CatalogChange change = CatalogChange.between(before, after);
      if (after != before) {
        current.set(after);
      }
      if (!change.isEmpty()) {
        listeners.forEach(listener -> listener.catalogChanged(change));
      }
      return change;
    }
  }

  /** Swaps in {@code next} wholesale. */
  public CatalogChange replace(Catalog next) {
    return update(before -> next);
  }
}
