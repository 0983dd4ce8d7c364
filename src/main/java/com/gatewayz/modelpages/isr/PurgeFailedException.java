package com.gatewayz.modelpages.isr;

/**
 * A purge that could not be put in force on every node: this node is cut off from its cluster, or
 * the Terracotta server did not confirm the stamps in time (another node may be unreachable until
 * its lease expires). The purge may be in force nowhere, somewhere or everywhere; nothing promises
 * it. Callers answer 503 with {@code Retry-After: }{@link #retryAfterSeconds()} so the sender tries
 * again. A single node never throws it.
 */
public final class PurgeFailedException extends RuntimeException {

  private static final int RETRY_AFTER_SECONDS = 5;

  public PurgeFailedException(String message, Throwable cause) {
    super(message, cause);
  }

  /** How long a caller should ask the sender to wait before trying again. */
  public int retryAfterSeconds() {
    return RETRY_AFTER_SECONDS;
  }
}
