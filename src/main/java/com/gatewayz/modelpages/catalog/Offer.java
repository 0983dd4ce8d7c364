package com.gatewayz.modelpages.catalog;

import java.util.Objects;

/**
 * One gateway's offer of a model: its prices and limits there, and how the merge knows it is this
 * model. Context and completion limits are null when the gateway does not say.
 *
 * @param listingId the id the gateway lists the model under (an alias of the model when it is not
 *     the model's id); null for offers that come from a model document
 * @param quantization how the gateway serves the weights when its id says ({@code fp8}), else null
 * @param evidence what joined this offer to the model ({@link Evidence#PRIMARY} for the listing the
 *     model was built from); null for offers that come from a model document
 */
public record Offer(
    String gateway,
    Pricing pricing,
    Long contextLength,
    Long maxCompletionTokens,
    String listingId,
    String quantization,
    Evidence evidence) {

  public Offer {
    Objects.requireNonNull(gateway, "gateway");
    pricing = pricing == null ? Pricing.UNKNOWN : pricing;
  }

  /** An offer as a model document states it: prices and limits only. */
  public Offer(String gateway, Pricing pricing, Long contextLength, Long maxCompletionTokens) {
    this(gateway, pricing, contextLength, maxCompletionTokens, null, null, null);
  }
}
