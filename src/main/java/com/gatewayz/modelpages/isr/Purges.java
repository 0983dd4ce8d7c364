package com.gatewayz.modelpages.isr;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Purges by tag and path on the tag clock, and tells the listeners of each purge made here. */
final class Purges {

  /** The tag a purge names to mean every entry, on one node as in a cluster. */
  static final String EVERYTHING = "*";

  private final TagClock tagClock;
  private final List<PurgeListener> listeners = new CopyOnWriteArrayList<>();

  Purges(TagClock tagClock) {
    this.tagClock = tagClock;
  }

  /** See {@link Isr#purge}. */
  Invalidation purge(Collection<String> tags, Collection<String> paths) {
    if (tags.contains(EVERYTHING)) {
      return purgeAll();
    }
    Invalidation invalidation = new Invalidation(new ArrayList<>(tags), new ArrayList<>(paths));
    if (invalidation.isEmpty()) {
      return invalidation;
    }
    List<String> names = new ArrayList<>(invalidation.tags());
    names.addAll(invalidation.paths());
    tagClock.stamp(names);
    listeners.forEach(listener -> listener.purged(invalidation));
    return invalidation;
  }

  /** See {@link Isr#purgeAll}. */
  Invalidation purgeAll() {
    tagClock.stampAll();
    listeners.forEach(listener -> listener.purged(Invalidation.EVERYTHING));
    return Invalidation.EVERYTHING;
  }

  void addListener(PurgeListener listener) {
    listeners.add(listener);
  }
}
