package com.gatewayz.modelpages.api;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.gatewayz.modelpages.testing.EmbeddedSite;
import com.gatewayz.modelpages.testing.EmbeddedTomcat;
import com.gatewayz.modelpages.testing.RawHttp;
import com.gatewayz.modelpages.testing.Webhooks;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The webhook's intake over real HTTP: what the headers decide is answered before the body is read
 * (a sender that never sends its body gets its answer at once), the body's size and read time are
 * bounded, and only so many bodies are read at once.
 */
class WebhookIntakeTest {

  static final String ENDPOINT = "/api/webhooks/models-updated";
  static final int MAX_BYTES = 65_536;
  // Far below the embedded Tomcat's own 60 s read timeout: an answer within it was not waited for.
  static final Duration PATIENCE = Duration.ofSeconds(15);

  @TempDir static Path dataDir;
  static EmbeddedTomcat site;

  @BeforeAll
  static void startSite() {
    site = start(Map.of("MODEL_PAGES_WEBHOOK_READ_TIMEOUT_SECONDS", "1"));
  }

  static EmbeddedTomcat start(Map<String, String> more) {
    Map<String, String> settings = new HashMap<>(more);
    settings.put("MODEL_PAGES_DATA_DIR", dataDir.resolve("site-" + more.hashCode()).toString());
    settings.put("MODEL_PAGES_PRERENDER_LIMIT", "0");
    settings.put("MODEL_WEBHOOK_SECRET", Webhooks.SECRET);
    settings.put("MODEL_PAGES_WEBHOOK_MAX_BYTES", Integer.toString(MAX_BYTES));
    settings.put("MODEL_PAGES_WEBHOOK_MAX_CONCURRENT", "1");
    return EmbeddedSite.start(settings);
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  private static RawHttp postHead(long contentLength, String... headers) {
    return postHead(site, contentLength, headers);
  }

  private static RawHttp postHead(EmbeddedTomcat target, long contentLength, String... headers) {
    return RawHttp.connect(target.uri("/"))
        .postJsonHead(ENDPOINT, "127.0.0.1", contentLength, headers);
  }

  private static String ignoredEvent(String tag) {
    return "{\"gateway\":\"xai\",\"event_type\":\"test."
        + tag
        + "\",\"timestamp\":"
        + Webhooks.T0
        + ",\"models\":[]}";
  }

  private static HttpResponse<byte[]> signed(String body) {
    return signed(site, body);
  }

  private static HttpResponse<byte[]> signed(EmbeddedTomcat target, String body) {
    return target.send(
        HttpRequest.newBuilder(target.uri(ENDPOINT))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json")
            .header("x-webhook-signature", Webhooks.signature(body)));
  }

  private static String standardSignature(String id, long seconds, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Webhooks.SECRET.getBytes(UTF_8), "HmacSHA256"));
      byte[] signed = mac.doFinal((id + "." + seconds + "." + body).getBytes(UTF_8));
      return "v1," + Base64.getEncoder().encodeToString(signed);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void anUnsignedSenderThatDeclaresAFullBodyButNeverSendsItGets401AtOnce() {
    try (RawHttp sender = postHead(MAX_BYTES)) {
      RawHttp.Response response = sender.response(PATIENCE);

      assertThat(response.status()).isEqualTo(401);
      assertThat(response.body()).isEqualTo("{\"error\":\"Invalid webhook signature\"}");
      assertThat(response.header("Content-Type")).startsWith("application/json");
    }
  }

  @Test
  void aMalformedSignatureIsRefusedBeforeTheBody() {
    try (RawHttp sender = postHead(MAX_BYTES, "x-webhook-signature: sha256=not-hex")) {
      assertThat(sender.response(PATIENCE).status()).isEqualTo(401);
    }
  }

  @Test
  void aStandardWebhooksTimestampOutsideTheWindowIsRefusedBeforeTheBody() {
    long anHourAgo = Instant.now().minus(Duration.ofHours(1)).getEpochSecond();
    String body = ignoredEvent("late");
    try (RawHttp sender =
        postHead(
            body.length(),
            "webhook-id: msg_late",
            "webhook-timestamp: " + anHourAgo,
            "webhook-signature: " + standardSignature("msg_late", anHourAgo, body))) {
      assertThat(sender.response(PATIENCE).status()).isEqualTo(401);
    }
  }

  @Test
  void aDeclaredLengthOverTheLimitIs413BeforeTheBody() {
    String signature = "x-webhook-signature: " + "ab".repeat(32);
    try (RawHttp sender = postHead(MAX_BYTES + 1, signature)) {
      RawHttp.Response response = sender.response(PATIENCE);

      assertThat(response.status()).isEqualTo(413);
      assertThat(response.body()).isEqualTo("{\"error\":\"body larger than 65536 bytes\"}");
    }
  }

  @Test
  void aChunkedBodyOverTheLimitIs413() {
    byte[] huge = new byte[4 * MAX_BYTES];
    HttpResponse<byte[]> response =
        site.send(
            HttpRequest.newBuilder(site.uri(ENDPOINT))
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)))
                .header("Content-Type", "application/json")
                .header("x-webhook-signature", "ab".repeat(32)));

    assertThat(response.statusCode()).isEqualTo(413);
  }

  @Test
  void aSlowLorisBodyIsCutOffAtTheReadTimeoutAndItsSlotFreed() {
    String body = ignoredEvent("slow");
    ScheduledExecutorService drip = Executors.newSingleThreadScheduledExecutor();
    try (RawHttp sender =
        postHead(body.length(), "x-webhook-signature: " + Webhooks.signature(body))) {
      byte[] bytes = body.getBytes(UTF_8);
      int[] sent = {0};
      // One byte every 100 ms: each read is quick, the whole body would take seconds.
      drip.scheduleAtFixedRate(
          () -> {
            if (sent[0] < bytes.length - 1) {
              sender.send(new byte[] {bytes[sent[0]++]});
            }
          },
          0,
          100,
          TimeUnit.MILLISECONDS);

      RawHttp.Response response = sender.response(PATIENCE);

      assertThat(response.status()).isEqualTo(408);
      assertThat(response.body())
          .isEqualTo("{\"error\":\"the body did not arrive within 1 seconds\"}");
    } finally {
      drip.shutdownNow();
    }
    assertThat(signed(ignoredEvent("after-slow")).statusCode()).isEqualTo(200);
  }

  @Test
  void pastTheCapOfBodiesReadAtOnceA503SaysWhenToRetry() {
    // A site whose read timeout cannot end the held delivery while the test looks at the cap.
    try (EmbeddedTomcat capped = start(Map.of("MODEL_PAGES_WEBHOOK_READ_TIMEOUT_SECONDS", "600"))) {
      String body =
          Webhooks.modelEvent("models.added", "xai", "xai/grok-capped", "0.000003", Webhooks.T0);
      byte[] bytes = body.getBytes(UTF_8);
      try (RawHttp holder =
          postHead(capped, bytes.length, "x-webhook-signature: " + Webhooks.signature(body))) {
        holder.send(Arrays.copyOf(bytes, bytes.length / 2));

        await()
            .atMost(PATIENCE)
            .until(() -> signed(capped, ignoredEvent("probe")).statusCode() == 503);
        HttpResponse<byte[]> refused = signed(capped, ignoredEvent("refused"));
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(new String(refused.body(), UTF_8))
            .isEqualTo("{\"error\":\"too many webhook deliveries at once; retry later\"}");

        holder.send(Arrays.copyOfRange(bytes, bytes.length / 2, bytes.length));
        RawHttp.Response held = holder.response(PATIENCE);
        assertThat(held.status()).isEqualTo(200);
        assertThat(held.body()).contains("\"models_count\":1");
      }
      assertThat(signed(capped, ignoredEvent("after-cap")).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void otherMethodsAre405InJsonAndGetDescribesTheEndpoint() {
    HttpResponse<byte[]> put =
        site.send(
            HttpRequest.newBuilder(site.uri(ENDPOINT))
                .PUT(HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json"));

    assertThat(put.statusCode()).isEqualTo(405);
    assertThat(new String(put.body(), UTF_8)).isEqualTo("{\"error\":\"method not allowed\"}");
    assertThat(put.headers().firstValue("Allow")).hasValue("GET, HEAD, POST, OPTIONS");
    assertThat(new String(site.get(ENDPOINT).body(), UTF_8))
        .contains("\"status\":\"active\"", "\"endpoint\":\"" + ENDPOINT + "\"");
  }

  @Test
  void aDeliveryNotInJsonIs415() {
    HttpResponse<byte[]> response =
        site.send(
            HttpRequest.newBuilder(site.uri(ENDPOINT))
                .POST(HttpRequest.BodyPublishers.ofString("x"))
                .header("Content-Type", "text/plain"));

    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(new String(response.body(), UTF_8))
        .isEqualTo("{\"error\":\"content type must be application/json\"}");
  }

  @Test
  void aGatewayTheRegistryDoesNotNameIs400InJsonAndAnAliasIsItsGateway() {
    String unknown =
        Webhooks.modelEvent("models.added", "hugg", "meta/llama-hugg", "0.000001", Webhooks.T0);
    String alias =
        Webhooks.modelEvent("models.added", "HUG", "meta/llama-hug", "0.000001", Webhooks.T0);

    HttpResponse<byte[]> refused = signed(unknown);
    HttpResponse<byte[]> accepted = signed(alias);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(new String(refused.body(), UTF_8))
        .startsWith("{\"error\":\"gateway: unknown gateway 'hugg'; known: openrouter, ");
    assertThat(accepted.statusCode()).isEqualTo(200);
    assertThat(new String(accepted.body(), UTF_8)).contains("\"gateway\":\"huggingface\"");
  }
}
