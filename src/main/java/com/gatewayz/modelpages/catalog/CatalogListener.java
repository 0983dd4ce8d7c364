package com.gatewayz.modelpages.catalog;

/**
 * Told of every non-empty catalog swap, on the swapping thread, after the new snapshot is visible
 * and the writer lock released, before the swapping call returns (so a webhook's 200 follows its
 * purge). Changes of two writers may be told concurrently, so implementations are thread-safe. A
 * listener that throws is logged and the update reports it ({@link CatalogService.Applied#told()}
 * false); the change stays stored and visible, and the other listeners are told all the same.
 */
@FunctionalInterface
public interface CatalogListener {

  void catalogChanged(CatalogChange change);
}
