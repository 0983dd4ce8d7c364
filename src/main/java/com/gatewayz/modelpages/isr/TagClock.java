package com.gatewayz.modelpages.isr;

import java.util.Collection;

/**
 * The monotonic counter that orders renders and purges (never wall time). Purging a tag or a path
 * stamps it with the next tick; an entry is valid only if its render started at or after the stamp
 * of each of its tags and of its path, and at or after the low-water mark. Thread-safe.
 */
interface TagClock {

  /**
   * What {@link #currentTick()} and {@link #version()} answer while a shared clock cannot vouch for
   * its stamps (a node cut off from its cluster): never a real tick or version, which are ≥ 0.
   */
  long UNAVAILABLE = Long.MIN_VALUE;

  /**
   * The tick a render starting now records; read before the render reads any data. {@link
   * #UNAVAILABLE} when the clock cannot vouch for what it would validate against: such a render is
   * served once and never stored.
   */
  long currentTick();

  /**
   * Changes after every purge, once that purge's stamps are in force: an entry found valid at
   * version {@code v} stays valid while the version is {@code v}. {@link #UNAVAILABLE} while the
   * clock cannot vouch for its stamps: nothing counts as validated then.
   */
  long version();

  /**
   * Stamps every name with one new tick and returns it; entries rendered before are invalid once it
   * returns.
   *
   * @throws PurgeFailedException when the stamps cannot be put in force everywhere (a cluster out
   *     of reach); the purge may then be in force nowhere, somewhere or everywhere
   */
  long stamp(Collection<String> names);

  /**
   * Invalidates every entry rendered before now.
   *
   * @throws PurgeFailedException as {@link #stamp}
   */
  long stampAll();

  /**
   * Judges an entry that started rendering at {@code renderTick}: {@link Validity#PURGED} when it
   * started before a purge of one of its tags or its path, or before the low-water mark; {@link
   * Validity#UNKNOWN} when a shared clock could not read a stamp it needs (then the entry must not
   * be served from the cache, but a fresh render of it may be served once).
   */
  Validity check(long renderTick, String[] tags, String path);

  /** Whether {@link #check} finds the entry valid. */
  default boolean isValid(long renderTick, String[] tags, String path) {
    return check(renderTick, tags, path) == Validity.VALID;
  }

  /**
   * For an invalid entry: whether its path was purged after its render, else a tag (or everything).
   */
  Revalidation purgedBy(long renderTick, String[] tags, String path);

  /** False while a shared clock cannot vouch for its stamps; a local clock always can. */
  default boolean isAvailable() {
    return true;
  }

  /** How many names carry their own stamp (the rest count at the low-water mark). */
  int stampCount();

  /** What {@link #check} found. */
  enum Validity {
    VALID,
    PURGED,
    UNKNOWN
  }
}
