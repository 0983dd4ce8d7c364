package com.gatewayz.modelpages.isr;

/** A render threw, answered 5xx, timed out for a waiter, or kept being purged while it ran. */
final class RenderFailedException extends Exception {

  public RenderFailedException(String key, String reason) {
    super("render of " + key + " failed: " + reason);
  }

  public RenderFailedException(String key, Throwable cause) {
    super("render of " + key + " failed: " + cause, cause);
  }
}
