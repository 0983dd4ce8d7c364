/**
 * The site's pages: the {@link com.gatewayz.modelpages.isr.PageRenderer} implementation (a thin
 * router, one class per page kind, each naming its cache tags), the sitemap, and the servlets and
 * filters behind the cache. Views are JSPs under {@code WEB-INF/views} fed by the view beans of
 * {@code pages.view}. May depend on {@code isr}, {@code catalog} and {@code platform}.
 */
package com.gatewayz.modelpages.pages;
