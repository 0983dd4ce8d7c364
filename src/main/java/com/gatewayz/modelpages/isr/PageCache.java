package com.gatewayz.modelpages.isr;

import java.time.Clock;

/**
 * The page cache: looks entries up and judges them against the tag clock and the time, and keeps
 * renders (pages in the page tiers, 404s in the negative cache). Renders, purges and pre-render
 * live elsewhere ({@link Renders}, {@link Purges}, {@link Prerenderer}).
 */
final class PageCache {

  /**
   * The render tick of a page rendered while the tag clock could not vouch for it: never stored.
   */
  static final long UNCHECKED = TagClock.UNAVAILABLE;

  private static final int NOT_FOUND = 404;

  private final PageStore store;
  private final TagClock tagClock;
  private final long revalidateMillis;
  private final Clock clock;
  private final NegativeCache negatives;

  PageCache(PageStore store, TagClock tagClock, long revalidateMillis, Clock clock) {
    this.store = store;
    this.tagClock = tagClock;
    this.revalidateMillis = revalidateMillis;
    this.clock = clock;
    this.negatives = new NegativeCache(clock);
  }

  Lookup lookup(String key) {
    CachedPage page = store.get(key);
    if (page == null) {
      return lookupNotFound(key);
    }
    if (!isValid(page)) {
      return new Lookup(Lookup.State.PURGED, page);
    }
    long age = clock.millis() - page.renderedAtMillis();
    if (page.maxAgeSeconds() > 0) {
      return age < page.maxAgeSeconds() * 1000L
          ? new Lookup(Lookup.State.FRESH, page)
          : Lookup.ABSENT;
    }
    return new Lookup(age < revalidateMillis ? Lookup.State.FRESH : Lookup.State.STALE, page);
  }

  // Only keys missing from the page tiers get here: a HIT never pays for the negative cache.
  private Lookup lookupNotFound(String key) {
    CachedPage page = negatives.get(key);
    if (page == null) {
      return Lookup.ABSENT;
    }
    boolean young = clock.millis() - page.renderedAtMillis() < page.maxAgeSeconds() * 1000L;
    if (!young || !isValid(page)) {
      negatives.remove(key);
      return Lookup.ABSENT;
    }
    negatives.hit();
    return new Lookup(Lookup.State.NOT_FOUND, page);
  }

  /**
   * Whether no purge since its render touched the entry's tags or path. One volatile read when none
   * happened; false whenever the tag clock cannot vouch for its stamps.
   */
  boolean isValid(CachedPage page) {
    if (page.renderTick() == UNCHECKED) {
      return true;
    }
    long version = tagClock.version();
    if (page.validatedVersion == version) {
      return true;
    }
    if (version == TagClock.UNAVAILABLE
        || !tagClock.isValid(page.renderTick(), page.tagArray(), page.path())) {
      return false;
    }
    page.validatedVersion = version;
    return true;
  }

  /** Whether a purged entry lost its validity to a path purge or a tag purge. */
  Revalidation purgeReason(CachedPage page) {
    return tagClock.purgedBy(page.renderTick(), page.tagArray(), page.path());
  }

  /** Whether a valid page or 404 of {@code key} is held now. */
  boolean holdsValid(String key) {
    CachedPage stored = store.get(key);
    CachedPage held = stored != null ? stored : negatives.get(key);
    return held != null && isValid(held);
  }

  // A 404 names nothing: it lives in the negative cache, and no older page of its key stays behind
  // in the page tiers (a purged one would send every request to a render).
  void keep(String key, CachedPage page) {
    if (page.status() == NOT_FOUND) {
      negatives.put(key, page);
      store.remove(key);
    } else {
      store.put(key, page);
      negatives.remove(key);
    }
  }

  PageStore store() {
    return store;
  }

  TagClock tagClock() {
    return tagClock;
  }

  long revalidateMillis() {
    return revalidateMillis;
  }

  NegativeCache.Report negativeReport() {
    return negatives.report();
  }
}
