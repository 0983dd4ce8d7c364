package com.gatewayz.modelpages.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.gatewayz.modelpages.platform.JsonSupport;
import com.gatewayz.modelpages.testing.EmbeddedSite;
import com.gatewayz.modelpages.testing.EmbeddedTomcat;
import com.gatewayz.modelpages.testing.Varnish;
import com.gatewayz.modelpages.testing.Webhooks;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Debian's varnishd with the shipped server-config/varnish/default.vcl in front of the whole
 * application (embedded Tomcat): pages cached at Varnish are purged by the webhook, a purge made
 * while Varnish is down reaches it when it is back, and when the application stops Varnish serves
 * the pages from grace. The last step stops the application, so the steps run in order. Skipped
 * where varnishd or the xkey vmod is missing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VarnishFrontTest {

  private static final Logger LOG = Logger.getLogger(VarnishFrontTest.class.getName());
  private static final String ADMIN_TOKEN = "varnish-test-admin-token";
  private static final String MODEL = "xai/grok-edge";
  private static final String PAGE = "/models/" + MODEL;

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private static EmbeddedTomcat site;
  private static Varnish varnish;
  private static long eventMillis = Webhooks.T0;

  @BeforeAll
  static void start() throws Exception {
    String missing = Varnish.unavailableReason();
    Assumptions.assumeTrue(missing == null, () -> "Varnish test skipped: " + missing);
    int varnishPort = Varnish.freePort();
    site =
        EmbeddedSite.start(
            Map.of(
                "MODEL_PAGES_DATA_DIR",
                Files.createTempDirectory("varnish-front").toString(),
                "MODEL_PAGES_PRERENDER_LIMIT",
                "0",
                "MODEL_WEBHOOK_SECRET",
                Webhooks.SECRET,
                "MODEL_PAGES_ADMIN_TOKEN",
                ADMIN_TOKEN,
                "MODEL_PAGES_EDGE_VARNISH_URLS",
                "http://127.0.0.1:" + varnishPort));
    varnish = Varnish.start(varnishPort, site.port());
    assertThat(webhook("models.added", "0.000001")).isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    if (varnish != null) {
      varnish.close();
    }
    if (site != null) {
      site.close();
    }
  }

  private static HttpResponse<String> throughVarnish(String path, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(varnish.url() + path)).timeout(Duration.ofSeconds(30));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int webhook(String eventType, String prompt) {
    eventMillis += 1_000;
    String body = Webhooks.modelEvent(eventType, "xai", MODEL, prompt, eventMillis);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(site.uri("/api/webhooks/models-updated"))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json")
            .header("x-webhook-signature", Webhooks.signature(body));
    return send(request).statusCode();
  }

  /**
   * A Varnish hit names two transactions in X-Varnish: this request's and the one that stored it.
   */
  private static boolean isVarnishHit(HttpResponse<?> response) {
    return response.headers().firstValue("X-Varnish").orElse("").trim().split(" ").length == 2;
  }

  private static JsonObject varnishEdgeState() {
    String json = send(HttpRequest.newBuilder(site.uri("/api/edges"))).body();
    return JsonSupport.JSON
        .createReader(new StringReader(json))
        .readObject()
        .getJsonArray("edges")
        .getJsonObject(0);
  }

  private static boolean hasError(JsonObject edge) {
    return edge.containsKey("last_error") && !edge.isNull("last_error");
  }

  @Test
  @Order(1)
  void aPageCachedAtVarnishShowsTheNewPriceOnceTheWebhookChangingItReturned() {
    HttpResponse<String> first = throughVarnish(PAGE, "Accept-Encoding", "gzip");
    HttpResponse<String> cached = throughVarnish(PAGE + "?utm_source=mail");
    assertThat(isVarnishHit(first)).isFalse();
    assertThat(isVarnishHit(cached)).as("a hit: %s", cached.headers().map()).isTrue();
    assertThat(cached.headers().firstValue("Age")).isPresent();
    assertThat(cached.headers().firstValue("Vary")).contains("Accept-Encoding");
    assertThat(cached.headers().firstValue("xkey")).isEmpty();
    assertThat(cached.body())
        .contains("$1.00 / 1M"); // the gzip object, inflated for a client without gzip

    long sent = System.nanoTime();
    assertThat(webhook("models.updated", "0.000005")).isEqualTo(200);
    long returned = System.nanoTime();

    HttpResponse<String> next = throughVarnish(PAGE);
    long shown = System.nanoTime();
    assertThat(next.body()).contains("$5.00 / 1M").doesNotContain("$1.00 / 1M");
    assertThat(isVarnishHit(next))
        .isFalse(); // fetched again: the purge reached Varnish before the 200
    LOG.info(
        () ->
            String.format(
                "[VarnishFrontTest] webhook %d µs; next GET through Varnish showed the new price %d µs after the 200",
                (returned - sent) / 1_000, (shown - returned) / 1_000));
    assertThat(varnishEdgeState().getInt("pending")).isZero();
  }

  @Test
  @Order(2)
  void searchesTheApiAndAdminAreNeverCachedAtVarnish() {
    for (String path :
        new String[] {"/api/models/openai/gpt-4o", "/models?q=gpt", "/admin", "/health/ready"}) {
      throughVarnish(path);
      assertThat(isVarnishHit(throughVarnish(path))).as(path).isFalse();
    }
    throughVarnish("/models?sort=price");
    assertThat(isVarnishHit(throughVarnish("/models?sort=price"))).isTrue();
  }

  @Test
  @Order(3)
  void whileVarnishIsDownTheWebhookAnswers200AndThePurgeReachesVarnishWhenItIsBack() {
    varnish.stop();

    assertThat(webhook("models.updated", "0.000007")).isEqualTo(200);
    await().atMost(Duration.ofSeconds(10)).until(() -> hasError(varnishEdgeState()));
    JsonObject down = varnishEdgeState();
    assertThat(down.getString("name")).isEqualTo("varnish-1");
    assertThat(down.getInt("pending")).isEqualTo(1);
    assertThat(down.getString("last_error")).startsWith("cannot reach it");
    assertThat(down.toString()).doesNotContain("127.0.0.1"); // the public view names no address
    String admin =
        send(HttpRequest.newBuilder(site.uri("/admin"))
                .header("Authorization", "Bearer " + ADMIN_TOKEN))
            .body();
    assertThat(admin).contains("id=\"edges\"").contains("varnish-1").contains(varnish.url());

    varnish.restart();
    await().atMost(Duration.ofSeconds(30)).until(() -> varnishEdgeState().getInt("pending") == 0);

    assertThat(varnish.log("ReqMethod eq \"PURGE\""))
        .contains("xkey: model:" + MODEL)
        .contains("path:" + PAGE);
    assertThat(hasError(varnishEdgeState())).isFalse();
    assertThat(throughVarnish(PAGE).body()).contains("$7.00 / 1M");
    String metrics = send(HttpRequest.newBuilder(site.uri("/metrics"))).body();
    assertThat(metrics)
        .containsPattern(
            "modelpages_edge_purges_total\\{edge=\"varnish-1\",outcome=\"delivered\"} [1-9]")
        .containsPattern(
            "modelpages_edge_purges_total\\{edge=\"varnish-1\",outcome=\"failed\"} [1-9]")
        .contains("modelpages_edge_lag_seconds{edge=\"varnish-1\"} 0.0")
        .contains("modelpages_edge_delivery_seconds_count{edge=\"varnish-1\"}");
  }

  @Test
  @Order(4)
  void whenTheApplicationStopsVarnishServesThePageFromGrace() {
    throughVarnish(PAGE);
    assertThat(isVarnishHit(throughVarnish(PAGE))).isTrue();
    site.close();
    site = null;
    // The page's TTL runs out (a soft purge, as the application sends them): only grace can serve
    // it now.
    send(
        HttpRequest.newBuilder(URI.create(varnish.url() + "/"))
            .method("PURGE", HttpRequest.BodyPublishers.noBody())
            .header("xkey", "model:" + MODEL));

    HttpResponse<String> beforeTheProbeNotices = throughVarnish(PAGE);
    assertThat(beforeTheProbeNotices.statusCode()).isEqualTo(200);
    assertThat(beforeTheProbeNotices.body()).contains("$7.00 / 1M");

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> varnish.admin("backend.list").contains("sick"));
    HttpResponse<String> afterIt = throughVarnish(PAGE);
    assertThat(afterIt.statusCode()).isEqualTo(200);
    assertThat(afterIt.body()).contains("$7.00 / 1M");
    assertThat(isVarnishHit(afterIt)).isTrue();
    assertThat(throughVarnish("/models/openai/never-cached").statusCode()).isEqualTo(503);
  }
}
