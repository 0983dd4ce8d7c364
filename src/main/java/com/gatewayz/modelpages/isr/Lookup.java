package com.gatewayz.modelpages.isr;

/**
 * The state of a key in the cache at one moment.
 *
 * @param page the entry found, or null; a {@link State#PURGED} entry must never be served
 */
record Lookup(State state, CachedPage page) {

  enum State {
    /** Valid and younger than the revalidate period. */
    FRESH,
    /** Valid but older than the revalidate period: serve it and re-render in the background. */
    STALE,
    /** Invalidated by a tag or path purge: render now; if that fails, 503, never these bytes. */
    PURGED,
    /** A 404 held by the negative cache: serve it as a HIT, count no view. */
    NOT_FOUND,
    /** Not cached, or a short-lived entry that expired. */
    ABSENT
  }

  static final Lookup ABSENT = new Lookup(State.ABSENT, null);
}
