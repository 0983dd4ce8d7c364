package com.gatewayz.modelpages.webhook;

import java.util.Objects;

/**
 * The outcome of checking a webhook delivery's signature. Immutable.
 *
 * <p>A {@link Outcome#VALID} verification carries the {@code webhook-id} of a Standard Webhooks
 * delivery, or null for the legacy {@code x-webhook-signature} schemes; its reason is null. An
 * {@link Outcome#INVALID} verification carries no id and a non-null reason meant for the server log
 * only: clients always get {@link WebhookVerifier#CLIENT_ERROR_BODY}. Reasons are fixed phrases and
 * never quote request data.
 */
record Verification(Outcome outcome, String webhookId, String reason) {

  /** Whether the delivery may be processed. */
  public enum Outcome {
    VALID,
    INVALID
  }

  /**
   * @throws NullPointerException when {@code outcome} is null
   * @throws IllegalArgumentException when the fields do not fit the outcome
   */
  public Verification {
    Objects.requireNonNull(outcome, "outcome");
    if (outcome == Outcome.VALID && reason != null) {
      throw new IllegalArgumentException("a valid verification has no reason");
    }
    if (outcome == Outcome.INVALID && (reason == null || webhookId != null)) {
      throw new IllegalArgumentException("an invalid verification has a reason and no webhook id");
    }
  }

  /** An accepted delivery; {@code webhookId} is null for the legacy schemes. */
  public static Verification valid(String webhookId) {
    return new Verification(Outcome.VALID, webhookId, null);
  }

  /** A rejected delivery, with a non-null {@code reason} for the server log. */
  public static Verification invalid(String reason) {
    return new Verification(Outcome.INVALID, null, reason);
  }

  /** True when the outcome is {@link Outcome#VALID}. */
  public boolean isValid() {
    return outcome == Outcome.VALID;
  }
}
