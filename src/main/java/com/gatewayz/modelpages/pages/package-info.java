/**
 * The site's pages: the {@link com.gatewayz.modelpages.isr.PageRenderer} implementation, routing of
 * page paths to views, the sitemap, and the servlets behind the cache. Views are JSPs under {@code
 * WEB-INF/views} fed by the view beans of {@code pages.view}. May depend on {@code isr}, {@code
 * catalog} and {@code platform}.
 */
package com.gatewayz.modelpages.pages;
