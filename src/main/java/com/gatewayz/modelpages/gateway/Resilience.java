package com.gatewayz.modelpages.gateway;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Clock;

/** The retry and circuit-breaker settings of a {@link FetchPolicy}, one instance per gateway. */
final class Resilience {

  private static final double BACKOFF_MULTIPLIER = 2.0;
  private static final double JITTER = 0.5;

  private Resilience() {}

  /** Retries network trouble, timeouts and 5xx with jittered exponential back-off. */
  static RetryRegistry retries(FetchPolicy policy) {
    return RetryRegistry.of(
        RetryConfig.custom()
            .maxAttempts(policy.maxAttempts())
            .intervalFunction(
                IntervalFunction.ofExponentialRandomBackoff(
                    policy.retryWait(), BACKOFF_MULTIPLIER, JITTER))
            .retryOnException(Failures::isRetryable)
            .build());
  }

  /**
   * One call is one refresh of a gateway (all its attempts): the circuit opens after {@code
   * failuresToOpen} failed refreshes in a row, lets one refresh through after {@code openWait} (on
   * {@code clock}), and closes again when that one succeeds.
   */
  static CircuitBreakerRegistry breakers(FetchPolicy policy, Clock clock) {
    int window = policy.failuresToOpen();
    return CircuitBreakerRegistry.of(
        CircuitBreakerConfig.custom()
            .slidingWindow(window, window, SlidingWindowType.COUNT_BASED)
            .failureRateThreshold(100)
            .waitDurationInOpenState(policy.openWait())
            .permittedNumberOfCallsInHalfOpenState(1)
            .clock(clock)
            .build());
  }
}
