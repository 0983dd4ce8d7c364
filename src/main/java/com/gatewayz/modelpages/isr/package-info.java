/**
 * Incremental static regeneration: the caching filter, the page cache on Ehcache (entries, the tag
 * clock), single-flight regeneration, pre-render, cache headers. Knows nothing of models: it caches
 * keys with tags and asks the {@link com.gatewayz.modelpages.isr.PageRenderer} and {@link
 * com.gatewayz.modelpages.isr.Popularity} ports. Depends only on {@code platform}.
 */
package com.gatewayz.modelpages.isr;
