package com.gatewayz.modelpages.isr;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The page cache: looks entries up and judges them against the tag clock and the time, renders and
 * stores pages, purges by tag and path. Every render of a key goes through {@link #renderAndStore},
 * which never stores a failed render and never returns a render that a purge overtook.
 */
public final class PageCache {

  private static final Logger LOG = Logger.getLogger(PageCache.class.getName());
  private static final int MAX_RENDER_ATTEMPTS = 3;

  /** The render tick of a page rendered while the tag clock could not vouch for it: never stored. */
  static final long UNCHECKED = TagClock.UNAVAILABLE;

  /** The tag a purge names to mean every entry, on one node as in a cluster. */
  public static final String EVERYTHING = "*";

  private static final int NOT_FOUND = 404;

  private final PageStore store;
  private final TagClock tagClock;
  private final PageRenderer renderer;
  private final IsrOptions options;
  private final Clock clock;
  private final CacheStats stats;
  private final NegativeCache negatives;
  private final Set<String> prerenderedKeys = ConcurrentHashMap.newKeySet();
  private final List<PurgeListener> purgeListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

  /**
   * Told after every purge made on this node, once it succeeded (warming popular pages, metrics,
   * audit, edge forwarding); purges made on other nodes of a cluster are never told here.
   */
  public interface PurgeListener {
    void purged(Invalidation invalidation);
  }

  PageCache(
      PageStore store,
      TagClock tagClock,
      PageRenderer renderer,
      IsrOptions options,
      Clock clock,
      CacheStats stats) {
    this.store = store;
    this.tagClock = tagClock;
    this.renderer = renderer;
    this.options = options;
    this.clock = clock;
    this.stats = stats;
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
      return age < page.maxAgeSeconds() * 1000L ? new Lookup(Lookup.State.FRESH, page) : Lookup.ABSENT;
    }
    return new Lookup(age < options.revalidateMillis() ? Lookup.State.FRESH : Lookup.State.STALE, page);
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
   * Whether no purge since its render touched the entry's tags or path. One volatile read when
   * none happened; false whenever the tag clock cannot vouch for its stamps.
   */
  boolean isValid(CachedPage page) {
    if (page.renderTick() == UNCHECKED) {
      return true;
    }
    long version = tagClock.version();
    if (page.validatedVersion == version) {
      return true;
    }
    if (version == TagClock.UNAVAILABLE || !tagClock.isValid(page.renderTick(), page.tagArray(), page.path())) {
      return false;
    }
    page.validatedVersion = version;
    return true;
  }

  /** Whether a purged entry lost its validity to a path purge or a tag purge. */
  Revalidation purgeReason(CachedPage page) {
    return tagClock.purgedBy(page.renderTick(), page.tagArray(), page.path());
  }

  /**
   * Renders {@code key} and stores the page when it may be cached. Retries when a purge overtook
   * the render, so what it returns was valid when it returned. While the tag clock cannot vouch for
   * its stamps (a node cut off from its cluster) the render is returned unchecked and not stored.
   */
  CachedPage renderAndStore(String key) throws RenderFailedException {
    return renderAndStore(key, () -> false);
  }

  /**
   * As {@link #renderAndStore(String)} for a render that may be replaced while it runs ({@code
   * replaced} turns true): a replaced render that ends late is stored only when nothing valid took
   * its key's place meanwhile, and is not tried again when a purge overtook it.
   */
  CachedPage renderAndStore(String key, BooleanSupplier replaced) throws RenderFailedException {
    for (int attempt = 1; attempt <= MAX_RENDER_ATTEMPTS; attempt++) {
      long renderTick = tagClock.currentTick();
      long start = System.nanoTime();
      RenderedPage rendered = renderCounted(key, start);
      long renderNanos = System.nanoTime() - start;
      CachedPage page = entryOf(key, rendered, renderTick, renderNanos);
      if (renderTick == UNCHECKED) {
        return page;
      }
      TagClock.Validity validity = tagClock.check(renderTick, page.tagArray(), page.path());
      if (validity == TagClock.Validity.VALID) {
        if (!replaced.getAsBoolean() || !holdsValid(key)) {
          keep(key, page);
        }
        return page;
      }
      if (validity == TagClock.Validity.UNKNOWN) {
        return entryOf(key, rendered, UNCHECKED, renderNanos);
      }
      if (replaced.getAsBoolean()) {
        throw new RenderFailedException(key, "replaced after its deadline, and purged since it started");
      }
    }
    throw new RenderFailedException(key, "purged during each of " + MAX_RENDER_ATTEMPTS + " renders");
  }

  private boolean holdsValid(String key) {
    CachedPage stored = store.get(key);
    CachedPage held = stored != null ? stored : negatives.get(key);
    return held != null && isValid(held);
  }

  // A 404 names nothing: it lives in the negative cache, and no older page of its key stays behind
  // in the page tiers (a purged one would send every request to a render).
  private void keep(String key, CachedPage page) {
    if (page.status() == NOT_FOUND) {
      negatives.put(key, page);
      store.remove(key);
    } else {
      store.put(key, page);
      negatives.remove(key);
    }
  }

  private RenderedPage renderCounted(String key, long start) throws RenderFailedException {
    stats.renderStarted();
    RenderedPage rendered;
    try {
      rendered = renderer.render(key);
    } catch (Exception | LinkageError e) {
      stats.renderFailed(System.nanoTime() - start);
      LOG.log(Level.WARNING, "[ISR] render of " + key + " failed", e);
      throw new RenderFailedException(key, e);
    }
    long nanos = System.nanoTime() - start;
    if (rendered.status() >= 500) {
      stats.renderFailed(nanos);
      throw new RenderFailedException(key, "the page answered " + rendered.status());
    }
    stats.renderSucceeded(nanos);
    return rendered;
  }

  private CachedPage entryOf(String key, RenderedPage rendered, long renderTick, long renderNanos) {
    if (rendered.status() == NOT_FOUND && rendered.maxAgeSeconds() <= 0) {
      rendered = rendered.withMaxAge((int) NegativeCache.TTL.toSeconds());
    }
    List<String> tags = new ArrayList<>(rendered.tags());
    if (prerenderedKeys.contains(key) && !tags.contains(options.prerenderTag())) {
      tags.add(options.prerenderTag());
    }
    tags.sort(null);
    return CachedPage.of(
        key, rendered, tags.toArray(String[]::new), renderTick, clock.millis(), renderNanos);
  }

  /**
   * Stamps the tags and paths; entries rendered before are never served again, on any node of a
   * cluster, once it returns. The tag {@value #EVERYTHING} purges every entry, as {@link #purgeAll}.
   * Listeners are told only of purges made here and only once they succeeded.
   *
   * @throws PurgeFailedException when the purge cannot be put in force on every node of a cluster
   *     (this node is cut off, or the server did not confirm it in time): nothing is promised, the
   *     caller should answer 503 with {@code Retry-After} so the purge is sent again
   */
  public Invalidation purge(Collection<String> tags, Collection<String> paths) {
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
    purgeListeners.forEach(listener -> listener.purged(invalidation));
    return invalidation;
  }

  /**
   * Invalidates every entry; listeners are told of the tag {@value #EVERYTHING}.
   *
   * @throws PurgeFailedException as {@link #purge}
   */
  public Invalidation purgeAll() {
    tagClock.stampAll();
    purgeListeners.forEach(listener -> listener.purged(Invalidation.EVERYTHING));
    return Invalidation.EVERYTHING;
  }

  /** Adds a listener told after every purge, on the purging thread. */
  public void addPurgeListener(PurgeListener listener) {
    purgeListeners.add(listener);
  }

  /** The keys pre-rendered at start-up; they carry the pre-render tag. */
  void markPrerendered(Collection<String> keys) {
    prerenderedKeys.addAll(keys);
  }

  boolean isPrerendered(String key) {
    return prerenderedKeys.contains(key);
  }

  public Set<String> prerenderedKeys() {
    return Set.copyOf(prerenderedKeys);
  }

  PageStore store() {
    return store;
  }

  PageRenderer renderer() {
    return renderer;
  }

  IsrOptions options() {
    return options;
  }

  Clock clock() {
    return clock;
  }

  CacheStats stats() {
    return stats;
  }

  NegativeCache.Report negativeReport() {
    return negatives.report();
  }

  TagClock tagClock() {
    return tagClock;
  }
}
