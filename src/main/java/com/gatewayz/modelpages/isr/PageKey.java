package com.gatewayz.modelpages.isr;

/**
 * The cache identity of a page request, and what the renderer parsed from it.
 *
 * @param value the normalised key: a path plus allow-listed, sorted query parameters
 * @param cacheable false for requests that must be rendered every time (free-text search,
 *     ill-formed ids); those go down the filter chain to the servlet
 * @param dynamic true when the page exists only for some parameters (a model page), so that with
 *     dynamic params off only pre-rendered keys are served
 * @param route what the {@link PageRenderer} parsed from the request (opaque to the cache, handed
 *     back to {@link PageRenderer#render}), so a render never parses the key again; may be null
 */
public record PageKey(String value, boolean cacheable, boolean dynamic, Object route) {

  /** A key without a parsed route. */
  public PageKey(String value, boolean cacheable, boolean dynamic) {
    this(value, cacheable, dynamic, null);
  }

  /** The path part of the key, without the query. */
  public String path() {
    return pathOf(value);
  }

  static String pathOf(String key) {
    int query = key.indexOf('?');
    return query < 0 ? key : key.substring(0, query);
  }

  /** The raw query part of {@code key}, or null when it has none. */
  static String queryOf(String key) {
    int query = key.indexOf('?');
    return query < 0 ? null : key.substring(query + 1);
  }
}
