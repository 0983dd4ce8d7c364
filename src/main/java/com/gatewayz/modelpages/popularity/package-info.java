/**
 * Popularity of pages: views per page key, decayed (half-life a day) and persisted beside the
 * cache, and the ranking of model pages (curated order as a prior, plus views) that the cache
 * pre-renders and re-warms through its {@link com.gatewayz.modelpages.isr.Popularity} port. May
 * depend on {@code isr}, {@code catalog} and {@code platform}.
 */
package com.gatewayz.modelpages.popularity;
