package com.gatewayz.modelpages.crash;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What the application says about a model: unknown (404), served at a prompt price per token (200),
 * or retired (410). Prices compare by value ({@code 0.00000100} equals {@code 0.000001}).
 */
record ModelState(int status, BigDecimal prompt) {

  static final ModelState UNKNOWN = new ModelState(404, null);
  static final ModelState RETIRED = new ModelState(410, null);

  ModelState {
    prompt = prompt == null ? null : prompt.stripTrailingZeros();
  }

  static ModelState served(BigDecimal prompt) {
    return new ModelState(200, Objects.requireNonNull(prompt));
  }

  boolean isServed() {
    return status == 200;
  }

  @Override
  public String toString() {
    return isServed() ? "200 at " + prompt.toPlainString() : String.valueOf(status);
  }
}
