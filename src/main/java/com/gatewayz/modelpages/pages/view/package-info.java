/**
 * View beans for the JSPs in {@code WEB-INF/views}: everything a page shows, already formatted,
 * linked and sanitised, behind JavaBean getters (EL 5 does not read record components), and what
 * they are built from (the {@link com.gatewayz.modelpages.pages.view.SiteContext}, the index query
 * and its search). Depends on {@code catalog} only; knows nothing of requests or the cache.
 */
package com.gatewayz.modelpages.pages.view;
