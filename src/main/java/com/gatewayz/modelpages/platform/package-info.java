/**
 * Cross-cutting infrastructure: typed settings, the service registry the composition root fills,
 * metrics and logging helpers. Depends on nothing else in the application.
 */
package com.gatewayz.modelpages.platform;
