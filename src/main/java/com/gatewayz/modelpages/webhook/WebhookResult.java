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
    /** 408: the body did not arrive within the read timeout. */
    TIMEOUT,
    /** 503: too many deliveries were being read at once; send again. */
    BUSY,
    /** 415: not JSON. */
    UNSUPPORTED_TYPE,
    /** 503: no secret configured. */
    DISABLED,
    /**
     * 503: the catalog shared between nodes cannot be reached, or a purge could not be confirmed by
     * every node; send again.
     */
    UNAVAILABLE,
    /** 409: a delivery with this {@code webhook-id} is still being processed; send again later. */
    IN_FLIGHT,
    /**
     * 503: applied and stored, but its pages could not be purged; send again, and that delivery
     * purges them.
     */
    NOT_PURGED,
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

  /**
   * 408 {@code {"error":"the body did not arrive within N seconds"}}, logged once here, for a body
   * still incomplete at the read timeout.
   */
  public static WebhookResult timedOut(int seconds) {
    String message = "the body did not arrive within " + seconds + " seconds";
    LOG.info(() -> "[Webhook] Rejected (408): " + message);
    return new WebhookResult(408, WebhookResponses.error(message), Outcome.TIMEOUT);
  }

  /**
   * 503 {@code {"error":"too many webhook deliveries at once; retry later"}}, logged once here,
   * when the cap on deliveries read at once is reached.
   */
  public static WebhookResult busy(int maxConcurrent) {
    LOG.warning(
        () -> "[Webhook] Refused (503): " + maxConcurrent + " deliveries already in progress");
    return new WebhookResult(
        503,
        WebhookResponses.error("too many webhook deliveries at once; retry later"),
        Outcome.BUSY);
  }
}
