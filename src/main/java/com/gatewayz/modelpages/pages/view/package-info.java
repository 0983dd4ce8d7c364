/**
 * View beans for the JSPs in {@code WEB-INF/views}: everything a page shows, already formatted,
 * linked and sanitised, behind JavaBean getters (EL 5 does not read record components). Depends on
 * {@code catalog} and the {@code pages} context types; knows nothing of requests or the cache.
 */
package com.gatewayz.modelpages.pages.view;
