package com.gatewayz.modelpages.isr;

/**
 * The cache identity of a page request.
 *
 * @param value the normalised key: a path plus allow-listed, sorted query parameters
 * @param cacheable false for requests that must be rendered every time (free-text search,
 *     ill-formed ids); those go down the filter chain to the servlet
 * @param dynamic true when the page exists only for some parameters (a model page), so that with
 *     dynamic params off only pre-rendered keys are served
 */
public record PageKey(String value, boolean cacheable, boolean dynamic) {

  /** The path part of the key, without the query. */
  public String path() {
    return pathOf(value);
  }

  static String pathOf(String key) {
    int query = key.indexOf('?');
    return query < 0 ? key : key.substring(0, query);
  }
}
