package com.gatewayz.modelpages.isr;

import java.time.Clock;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one render of a key: asks the {@link PageRenderer}, counts it, builds the entry and keeps it
 * when the tag clock vouches that no purge overtook it. Never retries: {@link Regenerator} does.
 */
final class Renders {

  private static final Logger LOG = Logger.getLogger(Renders.class.getName());

  private final PageCache cache;
  private final PageRenderer renderer;
  private final PrerenderedKeys prerendered;
  private final CacheStats stats;
  private final Clock clock;

  Renders(
      PageCache cache,
      PageRenderer renderer,
      PrerenderedKeys prerendered,
      CacheStats stats,
      Clock clock) {
    this.cache = cache;
    this.renderer = renderer;
    this.prerendered = prerendered;
    this.stats = stats;
    this.clock = clock;
  }

  /**
   * The key of a stored key's text, with the route the renderer parses from it; a key the renderer
   * does not know keeps a null route (its render then fails).
   */
  PageKey keyOf(String key) {
    PageKey parsed = renderer.keyOf(PageKey.pathOf(key), PageKey.queryOf(key));
    if (parsed != null && parsed.value().equals(key)) {
      return parsed;
    }
    return new PageKey(key, true, false, parsed == null ? null : parsed.route());
  }

  /**
   * Renders {@code key} once and keeps the page when it may be cached. Returns it even when a purge
   * overtook the render (then it is not kept, and {@link PageCache#isValid} says so). While the tag
   * clock cannot vouch for its stamps (a node cut off from its cluster) the page is returned
   * unchecked and not kept. A render that may be replaced while it runs ({@code replaced} turns
   * true) is kept only when nothing valid took its key's place meanwhile.
   *
   * @throws RenderFailedException when the render failed, or was replaced and overtaken by a purge
   */
  CachedPage renderOnce(PageKey key, BooleanSupplier replaced) throws RenderFailedException {
    String value = key.value();
    long renderTick = cache.tagClock().currentTick();
    long start = System.nanoTime();
    RenderedPage rendered = renderCounted(key, start);
    long renderNanos = System.nanoTime() - start;
    CachedPage page = entryOf(value, rendered, renderTick, renderNanos);
    if (renderTick == PageCache.UNCHECKED) {
      return page;
    }
    TagClock.Validity validity = cache.tagClock().check(renderTick, page.tagArray(), page.path());
    if (validity == TagClock.Validity.UNKNOWN) {
      return entryOf(value, rendered, PageCache.UNCHECKED, renderNanos);
    }
    if (validity == TagClock.Validity.VALID) {
      if (!replaced.getAsBoolean() || !cache.holdsValid(value)) {
        cache.keep(value, page);
      }
    } else if (replaced.getAsBoolean()) {
      throw new RenderFailedException(
          value, "replaced after its deadline, and purged since it started");
    }
    return page;
  }

  private RenderedPage renderCounted(PageKey key, long start) throws RenderFailedException {
    stats.renderStarted();
    RenderedPage rendered;
    try {
      rendered = renderer.render(key);
    } catch (Exception | LinkageError e) {
      stats.renderFailed(System.nanoTime() - start);
      LOG.log(Level.WARNING, "[ISR] render of " + key.value() + " failed", e);
      throw new RenderFailedException(key.value(), e);
    }
    long nanos = System.nanoTime() - start;
    if (rendered.status() >= 500) {
      stats.renderFailed(nanos);
      throw new RenderFailedException(key.value(), "the page answered " + rendered.status());
    }
    stats.renderSucceeded(nanos);
    return rendered;
  }

  private CachedPage entryOf(String key, RenderedPage rendered, long renderTick, long renderNanos) {
    if (rendered.status() == 404 && rendered.maxAgeSeconds() <= 0) {
      rendered = rendered.withMaxAge((int) NegativeCache.TTL.toSeconds());
    }
    String[] tags = prerendered.tagsOf(key, rendered.tags());
    return CachedPage.of(key, rendered, tags, renderTick, clock.millis(), renderNanos);
  }

  /** See {@link PageRenderer#warmUp()}. */
  void warmUp() {
    renderer.warmUp();
  }
}
