package com.gatewayz.modelpages.api;

import com.gatewayz.modelpages.admin.AdminAudit;
import com.gatewayz.modelpages.edge.EdgeForwarder;
import com.gatewayz.modelpages.platform.AuditLog;
import com.gatewayz.modelpages.webhook.WebhookResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Sends the answer to a webhook delivery and ends its asynchronous request. Every answer is counted
 * by outcome ({@code modelpages_webhook_requests_total}) and recorded in the {@link AuditLog}. A
 * 200 is sent once the edges that are up have the purges too ({@link
 * EdgeForwarder#awaitDelivered}). Thread-safe.
 */
final class WebhookAnswers {

  // The cluster guard probes every 500 ms: a few seconds covers a blip, a sender's back-off the
  // rest.
  static final int UNAVAILABLE_RETRY_AFTER_SECONDS = 5;
  // A delivery in progress takes milliseconds unless its sender is slow: try again shortly. The
  // same
  // for a delivery of a webhook-id still in flight.
  static final int BUSY_RETRY_AFTER_SECONDS = 2;

  private final AuditLog audit;
  private final EdgeForwarder edges;
  private final Map<WebhookResult.Outcome, Counter> outcomes =
      new EnumMap<>(WebhookResult.Outcome.class);

  WebhookAnswers(MeterRegistry meters, AuditLog audit, EdgeForwarder edges) {
    this.audit = audit;
    this.edges = edges;
    for (WebhookResult.Outcome outcome : WebhookResult.Outcome.values()) {
      outcomes.put(outcome, counter(meters, outcome));
    }
  }

  private static Counter counter(MeterRegistry meters, WebhookResult.Outcome outcome) {
    return Counter.builder("modelpages.webhook.requests")
        .description("Webhook deliveries by outcome")
        .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
        .register(meters);
  }

  /** Counts, records and writes {@code result}, then completes {@code async}. */
  void send(AsyncContext async, WebhookResult result) {
    if (result.status() == 200) {
      edges.awaitDelivered(); // the 200 also means the edges that are up have purged
    }
    outcomes.get(result.outcome()).increment();
    AdminAudit.webhook(audit, result);
    try {
      write((HttpServletResponse) async.getResponse(), result);
    } catch (IOException | IllegalStateException e) {
      // The sender is gone or the container already ended the request: nobody to answer.
    } finally {
      complete(async);
    }
  }

  private static void write(HttpServletResponse response, WebhookResult result) throws IOException {
    response.setStatus(result.status());
    response.setContentType("application/json");
    retryAfter(result.outcome())
        .ifPresent(seconds -> response.setIntHeader("Retry-After", seconds));
    if (result.status() == 408 || result.status() == 413) {
      // The rest of the body is not wanted: the container closes instead of draining it.
      response.setHeader("Connection", "close");
    }
    byte[] body = result.body().toString().getBytes(StandardCharsets.UTF_8);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  // A 503 or 409 says when to send again; other answers do not.
  static OptionalInt retryAfter(WebhookResult.Outcome outcome) {
    return switch (outcome) {
      case UNAVAILABLE, NOT_PURGED -> OptionalInt.of(UNAVAILABLE_RETRY_AFTER_SECONDS);
      case BUSY, IN_FLIGHT -> OptionalInt.of(BUSY_RETRY_AFTER_SECONDS);
      default -> OptionalInt.empty();
    };
  }

  static void complete(AsyncContext async) {
    try {
      async.complete();
    } catch (IllegalStateException e) {
      // already completed (a timeout raced the answer)
    }
  }
}
