package com.gatewayz.modelpages.webhook;

import jakarta.json.JsonObject;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * The answer to one webhook delivery: the HTTP status, the JSON body to send as is, and the outcome
 * for metrics. Immutable.
 */
public record WebhookResult(int status, JsonObject body, Outcome outcome) {

  private static final Logger LOG = Logger.getLogger(WebhookResult.class.getName());

  /** What happened to a delivery. */
  public enum Outcome {
    /** 200: applied (possibly partly, when some of its models were stale). */
    OK,
    /** 200: a replayed {@code webhook-id}; nothing applied. */
    DUPLICATE,
    /** 200: every model of the event was older than what was applied; nothing applied. */
    STALE,
    /** 200: an {@code event_type} this site does not act on. */
    IGNORED,
    /** 401: missing or wrong signature. */
    UNAUTHORIZED,
    /** 400: invalid JSON or a bad field. */
    INVALID,
    /** 413: body over the limit. */
    TOO_LARGE,
    /** 415: not JSON. */
    UNSUPPORTED_TYPE,
    /** 503: no secret configured. */
    DISABLED,
    /**
     * 503: the catalog shared between nodes cannot be reached, or a purge could not be confirmed by
     * every node; send again.
     */
    UNAVAILABLE,
    /** 500: applying failed; nothing applied. */
    ERROR
  }

  public WebhookResult {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(outcome, "outcome");
  }

  /**
   * 413 {@code {"error":"body larger than N bytes"}}, logged once here, for a body that {@link
   * BoundedBody} refused.
   */
  public static WebhookResult tooLarge(long maxBytes) {
    String message = new TooLargeException(maxBytes).getMessage();
    LOG.info(() -> "[Webhook] Rejected (413): " + message);
    return new WebhookResult(413, WebhookResponses.error(message), Outcome.TOO_LARGE);
  }

  /**
   * 415 {@code {"error":"content type must be application/json"}}, logged once here; see {@link
   * WebhookProcessor#isJsonContentType(String)}.
   */
  public static WebhookResult unsupportedMediaType() {
    LOG.info("[Webhook] Rejected (415): content type is not JSON");
    return new WebhookResult(
        415,
        WebhookResponses.error("content type must be application/json"),
        Outcome.UNSUPPORTED_TYPE);
  }

}
