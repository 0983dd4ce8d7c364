package com.gatewayz.modelpages.edge;

import java.time.Duration;
import java.util.Optional;

/** A purge an edge did not accept: unreachable, an error status, or an answer saying it failed. */
final class EdgeException extends Exception {

  private final transient Duration retryAfter;

  EdgeException(String message) {
    this(message, null);
  }

  /** {@code retryAfter}: how long the edge asked us to wait (429, 503), or null. */
  EdgeException(String message, Duration retryAfter) {
    super(message);
    this.retryAfter = retryAfter;
  }

  Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
