package com.gatewayz.modelpages.gateway;

import com.gatewayz.modelpages.gateway.format.ParsedList;

/** What fetching one gateway's list came to: its models, an error, or a skip. Immutable. */
sealed interface FetchResult {

  Gateway gateway();

  /**
   * The list was fetched and parsed.
   *
   * @param fetchedAtMillis when the fetch started (the refresh's event time), from the clock
   */
  record Fetched(Gateway gateway, ParsedList list, long fetchedAtMillis, int attempts, long millis)
      implements FetchResult {}

  /**
   * Every attempt failed, or the circuit was open and nothing was attempted ({@code attempts} 0).
   *
   * @param errorClass the public class of the failure ({@code timeout}, {@code http_503}, ...: see
   *     {@link Failures#classify}), safe to show anyone
   * @param error one short line for operators, never a stack trace; may name hosts and paths
   */
  record Failed(
      Gateway gateway,
      String errorClass,
      String error,
      int attempts,
      long millis,
      boolean circuitOpen)
      implements FetchResult {}

  /** Not attempted: the gateway needs an API key and it is not set. */
  record Skipped(Gateway gateway, String reason) implements FetchResult {}
}
