package com.gatewayz.modelpages.isr;

/**
 * What the engine answers a request for a cacheable key: how it was served and the page.
 *
 * @param page the cached page served (HIT, STALE, MISS), else null
 * @param uncached the page of a 404 or 503 that is not cached; null when its render failed (a plain
 *     text page is written instead) or when {@code page} is set
 */
record Served(State state, CachedPage page, RenderedPage uncached) {

  enum State {
    /** A fresh entry, or a 404 from the negative cache. */
    HIT,
    /** An entry past the revalidate period; one background render replaces it. */
    STALE,
    /** Rendered now (or by the render this request waited for) and stored. */
    MISS,
    /** A dynamic key that was not pre-rendered, with dynamic params off: an uncached 404. */
    NOT_FOUND,
    /** A purged or missing page that could not be rendered: 503, never the purged bytes. */
    UNAVAILABLE
  }

  /** Whether the request named a page (no 404): only those count as views and are remembered. */
  boolean namesAPage() {
    return page != null && page.status() != 404;
  }
}
