package com.gatewayz.modelpages.isr;

import java.util.Collection;

/**
 * Where a {@link StampTable} keeps its counters and stamps: one node's memory, persisted beside its
 * pages ({@link LocalStamps}), or the Terracotta server's strongly consistent cache shared by every
 * node ({@link ClusterStamps}). Writes throw {@link PurgeFailedException} when they cannot be made
 * durable; reads never throw.
 */
interface Stamps {

  /** A name without a stamp of its own: only the low-water mark applies to it. */
  long NONE = Long.MIN_VALUE;

  /** A stamp or mark that could not be read: nothing can be judged against it. */
  long UNKNOWN = Long.MAX_VALUE;

  /** The latest tick handed out, or {@link TagClock#UNAVAILABLE}. */
  long tick();

  /** How many purges were published, or {@link TagClock#UNAVAILABLE}. */
  long version();

  /** Hands out the next tick. */
  long nextTick();

  /** Raises the stamp of every name to at least {@code tick}. */
  void raise(Collection<String> names, long tick);

  /** Raises the low-water mark to at least {@code tick}; stamps below it may then be dropped. */
  void raiseLowWater(long tick);

  /** Moves the version on: the stamps written before are in force. */
  void publish();

  /** The name's own stamp, {@link #NONE}, or {@link #UNKNOWN}. */
  long stampOf(String name);

  /** Entries rendered before it are invalid; {@link #UNKNOWN} while nothing can be vouched for. */
  long lowWater();

  /** Whether reads can be vouched for (always, for one node's memory). */
  boolean isAvailable();

  /** How many names carry their own stamp. */
  int size();
}
