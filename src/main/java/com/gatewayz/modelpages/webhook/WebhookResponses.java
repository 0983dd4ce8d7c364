package com.gatewayz.modelpages.webhook;

import com.gatewayz.modelpages.isr.Invalidation;
import com.gatewayz.modelpages.platform.JsonSupport;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** The JSON bodies of webhook answers (DESIGN "Webhook"). */
final class WebhookResponses {

  private WebhookResponses() {}

  /** {@code {"error":message}}. */
  static JsonObject error(String message) {
    return JsonSupport.JSON.createObjectBuilder().add("error", message).build();
  }

  /**
   * {@code {"success":true,[flag:true,]"processed":{...},"timestamp":now}}; {@code flag} is null or
   * one of {@code duplicate}, {@code stale}, {@code ignored}.
   */
  static JsonObject success(
      WebhookEvent event, Invalidation invalidated, int staleCount, String flag, long now) {
    JsonObjectBuilder body = JsonSupport.JSON.createObjectBuilder().add("success", true);
    if (flag != null) {
      body.add(flag, true);
    }
    return body.add("processed", processed(event, invalidated, staleCount))
        .add("timestamp", now)
        .build();
  }

  private static JsonObject processed(
      WebhookEvent event, Invalidation invalidated, int staleCount) {
    JsonObjectBuilder processed =
        JsonSupport.JSON
            .createObjectBuilder()
            .add("event_type", event.eventType())
            .add("gateway", event.gateway())
            .add("models_count", event.modelsCount());
    if (event.status() != null) {
      processed.add("status", event.status());
    }
    if (staleCount > 0) {
      processed.add("stale_count", staleCount);
    }
    return processed.add("invalidated", invalidated(invalidated)).build();
  }

  private static JsonObject invalidated(Invalidation invalidation) {
    return JsonSupport.JSON
        .createObjectBuilder()
        .add("tags", JsonSupport.JSON.createArrayBuilder(invalidation.tags()))
        .add("paths", JsonSupport.JSON.createArrayBuilder(invalidation.paths()))
        .build();
  }
}
