package com.gatewayz.modelpages.isr;

import java.util.Collection;

/**
 * The monotonic counter that orders renders and purges (never wall time). Purging a tag or a path
 * stamps it with the next tick; an entry is valid only if its render started at or after the stamp
 * of each of its tags and of its path. A name with no stamp counts as stamped at the low-water
 * mark. Thread-safe.
 */
public interface TagClock {

  /** The tick a render starting now records; read before the render reads any data. */
  long currentTick();

  /**
   * Changes after every purge, once the purge's stamps are visible: an entry validated at version
   * {@code v} is still valid while the version is {@code v}.
   */
  long version();

  /** Stamps every name with one new tick and returns it; entries rendered before are invalid. */
  long stamp(Collection<String> names);

  /** Invalidates every entry rendered before now. */
  long stampAll();

  boolean isValid(long renderTick, String[] tags, String path);

  /** For an invalid entry: whether its path was purged after its render, else a tag (or everything). */
  Revalidation purgedBy(long renderTick, String[] tags, String path);

  /**
   * False while a shared clock cannot be reached: pages are then rendered for each request and
   * neither validated nor stored. A local clock is always available.
   */
  default boolean isAvailable() {
    return true;
  }

  /** How many names carry their own stamp (the rest count at the low-water mark). */
  int stampCount();
}
