package com.gatewayz.modelpages.catalog;

/**
 * Told of every non-empty catalog swap, on the swapping thread, after the new snapshot is visible
 * and before the swapping call returns (so a webhook's 200 follows its purge).
 */
@FunctionalInterface
public interface CatalogListener {

  void catalogChanged(CatalogChange change);
}
