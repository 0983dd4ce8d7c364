package com.gatewayz.modelpages.gateway;

import java.time.Duration;

/**
 * How gateways are fetched: attempts and back-off, when a gateway's circuit opens and for how long,
 * the body bound and time limits. Tests shorten the times; production uses {@link #defaults()}.
 *
 * @param timeoutOverride the request timeout for every gateway, or null for its priority's
 */
record FetchPolicy(
    int maxAttempts,
    Duration retryWait,
    int failuresToOpen,
    Duration openWait,
    long maxBodyBytes,
    Duration bodyTimeout,
    Duration timeoutOverride) {

  static final int MAX_ATTEMPTS = 2;
  static final Duration RETRY_WAIT = Duration.ofMillis(200);
  static final int FAILURES_TO_OPEN = 3;
  static final Duration OPEN_WAIT = Duration.ofMinutes(5);
  static final Duration BODY_TIMEOUT = Duration.ofSeconds(30);

  static FetchPolicy defaults() {
    return new FetchPolicy(
        MAX_ATTEMPTS,
        RETRY_WAIT,
        FAILURES_TO_OPEN,
        OPEN_WAIT,
        GatewayFetcher.MAX_BODY_BYTES,
        BODY_TIMEOUT,
        null);
  }

  /** How long {@code gateway} may take to answer (headers). */
  Duration timeout(Gateway gateway) {
    return timeoutOverride != null ? timeoutOverride : gateway.timeout();
  }

  FetchPolicy withTimeout(Duration timeout) {
    return new FetchPolicy(
        maxAttempts, retryWait, failuresToOpen, openWait, maxBodyBytes, bodyTimeout, timeout);
  }

  FetchPolicy withMaxBodyBytes(long bytes) {
    return new FetchPolicy(
        maxAttempts, retryWait, failuresToOpen, openWait, bytes, bodyTimeout, timeoutOverride);
  }

  FetchPolicy withBodyTimeout(Duration timeout) {
    return new FetchPolicy(
        maxAttempts, retryWait, failuresToOpen, openWait, maxBodyBytes, timeout, timeoutOverride);
  }
}
