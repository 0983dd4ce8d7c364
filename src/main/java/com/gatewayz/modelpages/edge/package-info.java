/**
 * Purge forwarding to the caches in front of the application (Varnish with xkey, Fastly,
 * Cloudflare): every purge this node applies is written to a durable outbox under the data
 * directory and delivered to each edge by name, with back-off and a circuit per edge. A feature:
 * depends on {@code isr} (purge listener, edge names) and {@code platform}; {@code api} and {@code
 * boot} depend on it.
 */
package com.gatewayz.modelpages.edge;
