package com.gatewayz.modelpages.catalog;

/**
 * The stored catalog cannot be loaded as it is: the message names the file, what is wrong, and what
 * was done about it. Thrown at start-up so it stops instead of starting from less than was stored.
 */
final class CatalogStoreException extends RuntimeException {

  public CatalogStoreException(String message) {
    super(message);
  }

  public CatalogStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
