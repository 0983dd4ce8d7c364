package com.gatewayz.modelpages.catalog;

import java.util.Objects;

/**
 * One gateway's offer of a model: its prices and limits there. Context and completion limits are
 * null when the gateway does not say.
 */
public record Offer(
    String gateway, Pricing pricing, Long contextLength, Long maxCompletionTokens) {

  public Offer {
    Objects.requireNonNull(gateway, "gateway");
    pricing = pricing == null ? Pricing.UNKNOWN : pricing;
  }
}
