package com.gatewayz.modelpages.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Builds signed webhook deliveries for tests, as a backend would send them. */
public final class Webhooks {

  public static final String SECRET = "it-webhook-secret-0123456789";

  /**
   * An event time a minute before the tests started: servers run on the real clock and refuse
   * events older than the replay window, so test events are recent, ordered by offsets from this.
   */
  public static final long T0 = System.currentTimeMillis() - 60_000;

  private Webhooks() {}

  /** The legacy scheme: hex HMAC-SHA256 of the raw body. */
  public static String signature(String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A models event body for one model of {@code gateway} priced {@code prompt} per token. */
  public static String modelEvent(
      String eventType, String gateway, String id, String prompt, long timestampMillis) {
    return event(eventType, gateway, timestampMillis, List.of(model(id, prompt)));
  }

  /** An event body whose {@code models} array holds {@code models} (JSON values, joined). */
  public static String event(
      String eventType, String gateway, long timestampMillis, List<String> models) {
    return "{\"gateway\":\""
        + gateway
        + "\",\"event_type\":\""
        + eventType
        + "\",\"timestamp\":"
        + timestampMillis
        + ",\"models\":["
        + String.join(",", models)
        + "]}";
  }

  /**
   * One model of an added or updated event, priced {@code prompt} per token (prompt and
   * completion).
   */
  public static String model(String id, String prompt) {
    return "{\"id\":\""
        + id
        + "\",\"name\":\"Webhook "
        + id.substring(id.indexOf('/') + 1)
        + "\",\"context_length\":131072,\"pricing\":{\"prompt\":\""
        + prompt
        + "\",\"completion\":\""
        + prompt
        + "\"},\"description\":\"Announced by webhook.\"}";
  }
}
