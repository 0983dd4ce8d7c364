package com.gatewayz.modelpages.webhook;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.gatewayz.modelpages.catalog.GatewayNames;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;

/** Webhook bodies for tests. */
final class Events {

  private Events() {}

  static JsonObject model(String id, String prompt, String completion) {
    return Json.createObjectBuilder()
        .add("id", id)
        .add("name", id)
        .add("context_length", 131072)
        .add(
            "pricing",
            Json.createObjectBuilder().add("prompt", prompt).add("completion", completion))
        .build();
  }

  static JsonObject model(String id) {
    return model(id, "0.000003", "0.000015");
  }

  static JsonObjectBuilder envelope(String type, String gateway, Long timestamp) {
    JsonObjectBuilder event =
        Json.createObjectBuilder().add("gateway", gateway).add("event_type", type);
    return timestamp == null ? event : event.add("timestamp", timestamp);
  }

  static byte[] event(String type, String gateway, Long timestamp, JsonValue... models) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    for (JsonValue model : models) {
      array.add(model);
    }
    return bytes(envelope(type, gateway, timestamp).add("models", array).build());
  }

  static byte[] added(String gateway, long timestamp, JsonValue... models) {
    return event("models.added", gateway, timestamp, models);
  }

  static byte[] status(String gateway, String status, long timestamp) {
    return bytes(
        envelope("gateway.status_changed", gateway, timestamp).add("status", status).build());
  }

  static byte[] bytes(JsonObject json) {
    return json.toString().getBytes(UTF_8);
  }

  static byte[] bytes(String json) {
    return json.getBytes(UTF_8);
  }

  /** The gateways test events may speak for: some of the bundled registry's, and its alias. */
  static final GatewayNames GATEWAYS =
      GatewayNames.of(
          List.of("openrouter", "groq", "together", "xai", "huggingface"),
          Map.of("hug", "huggingface"));

  /** When the parsed test events were received. */
  static final long RECEIVED = 1_700_000_000_000L;

  static WebhookEvent parse(byte[] body) throws InvalidEventException {
    return WebhookEvent.parse(body, RECEIVED, GATEWAYS);
  }

  static WebhookEvent parse(String body) throws InvalidEventException {
    return parse(bytes(body));
  }

  /** The message a refused body is answered with; fails when the body is accepted. */
  static String problem(byte[] body) {
    try {
      parse(body);
    } catch (InvalidEventException e) {
      return e.getMessage();
    }
    throw new AssertionError("accepted");
  }

  static String problem(String body) {
    return problem(bytes(body));
  }
}
