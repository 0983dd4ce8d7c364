package com.gatewayz.modelpages.catalog;

/**
 * A change could not be applied because the catalog shared between nodes cannot be reached (or kept
 * moving under it). Nothing was made visible; the sender should try again later, which is why the
 * HTTP layer answers 503 rather than 500.
 */
public final class CatalogUnavailableException extends RuntimeException {

  public CatalogUnavailableException(String message) {
    super(message);
  }
}
