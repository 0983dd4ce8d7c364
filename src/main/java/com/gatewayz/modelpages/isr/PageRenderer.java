package com.gatewayz.modelpages.isr;

/**
 * The port through which the cache gets pages. Implementations render from their own data with no
 * visitor request, so a key renders the same on a miss, in the background and at pre-render. All
 * methods are called from many threads at once.
 */
public interface PageRenderer {

  /**
   * The key of a request for {@code path} (context path removed, still percent-encoded) with its
   * raw query string (null when none); null when the path is not a page this renderer serves.
   */
  PageKey keyOf(String path, String rawQuery);

  /**
   * Renders the page of a cacheable key this renderer made with {@link #keyOf} (its route is the
   * one {@link #keyOf} parsed). A status of 500 or more, or an exception, is a failed render: it is
   * never stored. A 404 is kept in the small negative cache (60 s unless the page sets a shorter
   * max age), never in the page tiers.
   */
  RenderedPage render(PageKey key) throws Exception;

  /**
   * The 404 page answered for a dynamic key that was not pre-rendered when dynamic params are off.
   */
  RenderedPage renderNotFound(String key) throws Exception;

  /** An error page for {@code status} (503 when a purged page cannot be re-rendered). */
  RenderedPage renderError(int status, String key) throws Exception;

  /**
   * Starts preparing, in the background, what first renders would otherwise pay for (compiling
   * templates), and returns at once; renders may run meanwhile. Called when a pre-render pass
   * ended; never throws. Does nothing by default.
   */
  default void warmUp() {}
}
