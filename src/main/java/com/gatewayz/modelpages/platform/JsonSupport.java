package com.gatewayz.modelpages.platform;

import jakarta.json.spi.JsonProvider;

/** The application's one JSON-P provider. */
public final class JsonSupport {

  /**
   * Use instead of {@code Json.createXxx}, which looks the provider up through the ServiceLoader on
   * every call (~50 µs): page renders, API answers and the catalog store build JSON often.
   */
  public static final JsonProvider JSON = JsonProvider.provider();

  private JsonSupport() {}
}
