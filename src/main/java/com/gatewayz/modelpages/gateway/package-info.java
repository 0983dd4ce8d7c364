/**
 * Owns the gateway registry, one adapter per list format, the HTTP client and the refresh job. May
 * depend on catalog, isr and platform.
 */
package com.gatewayz.modelpages.gateway;
