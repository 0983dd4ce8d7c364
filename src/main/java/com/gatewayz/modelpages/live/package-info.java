/**
 * The live feed: catalog changes as Server-Sent Events on {@code /api/models/events}, with its caps
 * (subscribers in total and per client address, a finite lifetime, a bounded queue per subscriber
 * written without blocking). Depends on {@code catalog}'s listener port and {@code platform} only.
 */
package com.gatewayz.modelpages.live;
