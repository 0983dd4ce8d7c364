package com.gatewayz.modelpages.isr;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The engine's answer to a request for a cacheable key: a fresh entry is a HIT, an old one is
 * served STALE while one background render replaces it, anything else is rendered now (one render
 * for all concurrent requests) and stored: a MISS. Counts every request outcome and every view.
 */
final class Serving {

  private static final Logger LOG = Logger.getLogger(Serving.class.getName());

  private final PageCache cache;
  private final Regenerator regenerator;
  private final PageRenderer renderer;
  private final PrerenderedKeys prerendered;
  private final Popularity popularity;
  private final CacheStats stats;
  private final boolean dynamicParams;

  Serving(
      PageCache cache,
      Regenerator regenerator,
      PageRenderer renderer,
      PrerenderedKeys prerendered,
      Popularity popularity,
      CacheStats stats,
      boolean dynamicParams) {
    this.cache = cache;
    this.regenerator = regenerator;
    this.renderer = renderer;
    this.prerendered = prerendered;
    this.popularity = popularity;
    this.stats = stats;
    this.dynamicParams = dynamicParams;
  }

  Served serve(PageKey key) {
    Served served = answer(key);
    if (served.namesAPage()) {
      popularity.viewed(key.value());
    }
    return served;
  }

  private Served answer(PageKey key) {
    if (!dynamicParams && key.dynamic() && !prerendered.contains(key.value())) {
      return new Served(Served.State.NOT_FOUND, null, notFoundPage(key.value()));
    }
    Lookup lookup = cache.lookup(key.value());
    return switch (lookup.state()) {
      case FRESH -> {
        stats.hit();
        yield new Served(Served.State.HIT, lookup.page(), null);
      }
      case NOT_FOUND -> new Served(Served.State.HIT, lookup.page(), null);
      case STALE -> {
        stats.stale();
        regenerator.revalidateLater(key, Revalidation.TIME);
        yield new Served(Served.State.STALE, lookup.page(), null);
      }
      case PURGED -> {
        stats.revalidated(cache.purgeReason(lookup.page()));
        yield miss(key);
      }
      case ABSENT -> miss(key);
    };
  }

  private Served miss(PageKey key) {
    stats.miss();
    try {
      return new Served(Served.State.MISS, regenerator.renderNow(key), null);
    } catch (RenderFailedException e) {
      LOG.log(Level.WARNING, "[ISR] " + e.getMessage());
      return new Served(Served.State.UNAVAILABLE, null, unavailablePage(key.value()));
    }
  }

  private RenderedPage notFoundPage(String key) {
    try {
      return renderer.renderNotFound(key);
    } catch (Exception e) {
      LOG.log(Level.WARNING, "[ISR] not-found page for " + key + " failed", e);
      return null;
    }
  }

  private RenderedPage unavailablePage(String key) {
    try {
      RenderedPage page = renderer.renderError(503, key);
      return new RenderedPage(503, page.contentType(), page.body(), Set.of(), 0, null);
    } catch (Exception e) {
      return null;
    }
  }

  /** A text page for when the renderer could not render a 404 or 503 page itself. */
  static RenderedPage plain(int status, String text) {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    return new RenderedPage(status, "text/plain;charset=UTF-8", body, Set.of(), 0, null);
  }
}
