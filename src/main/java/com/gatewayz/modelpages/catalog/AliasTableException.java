package com.gatewayz.modelpages.catalog;

/** The alias table file is missing or invalid; the message names the file and the field. */
final class AliasTableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public AliasTableException(String message) {
    super(message);
  }

  public AliasTableException(String message, Throwable cause) {
    super(message, cause);
  }
}
