package com.gatewayz.modelpages.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/** Gateways and fetch policies for tests: short times, so no test waits long. */
final class TestGateways {

  static final Duration TIMEOUT = Duration.ofMillis(500);

  private TestGateways() {}

  static Gateway gateway(String id, URI url, String format) {
    return new Gateway(
        id, id, url, format, null, Gateway.Priority.FAST, 10, true, List.of(), false);
  }

  static Gateway withKey(String id, URI url, String format, String keyEnv) {
    return new Gateway(
        id, id, url, format, keyEnv, Gateway.Priority.FAST, 10, true, List.of(), false);
  }

  /** Two attempts 1 ms apart, a 500 ms request timeout, 5 s for a body, the circuit open 1 min. */
  static FetchPolicy fastPolicy() {
    return new FetchPolicy(
        2,
        Duration.ofMillis(1),
        3,
        Duration.ofMinutes(1),
        GatewayFetcher.MAX_BODY_BYTES,
        Duration.ofSeconds(5),
        TIMEOUT);
  }
}
