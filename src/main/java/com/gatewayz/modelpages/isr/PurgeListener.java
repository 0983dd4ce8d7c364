package com.gatewayz.modelpages.isr;

/**
 * Told after every purge made on this node, once it succeeded (warming popular pages, metrics,
 * audit, edge forwarding), on the purging thread; purges made on other nodes of a cluster are never
 * told here.
 */
@FunctionalInterface
public interface PurgeListener {
  void purged(Invalidation invalidation);
}
