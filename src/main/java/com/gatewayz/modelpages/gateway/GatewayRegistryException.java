package com.gatewayz.modelpages.gateway;

/**
 * The gateway registry cannot be used: unreadable, not the expected JSON, or an entry with a bad
 * field. The message names the file, the entry and the field. Thrown at start-up, which it stops.
 */
final class GatewayRegistryException extends IllegalArgumentException {

  public GatewayRegistryException(String message) {
    super(message);
  }

  public GatewayRegistryException(String message, Throwable cause) {
    super(message, cause);
  }
}
