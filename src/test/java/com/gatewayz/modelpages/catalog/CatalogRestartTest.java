package com.gatewayz.modelpages.catalog;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.testing.EmbeddedSite;
import com.gatewayz.modelpages.testing.EmbeddedTomcat;
import com.gatewayz.modelpages.testing.Webhooks;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole application, restarted: what a gateway list and a webhook brought in — boundary values
 * and hostile text included — is served cleaned, and served again after a restart, nothing lost.
 */
class CatalogRestartTest {

  private static final String TOKEN = "restart-admin-token-0123456789";
  private static final String HOSTILE = "\u0000\u202E\u0085\u009B\u2066\u200F\u0007";
  private static final List<String> FORBIDDEN =
      List.of(
          "\u0000", "\\u0000", "\u202E", "\u0085", "\u009B", "\u2066", "\u200F", "\u0007",
          "\\u0007");

  @TempDir Path dataDir;
  @TempDir Path lists;

  private EmbeddedTomcat start() throws Exception {
    Path modelsDev = lists.resolve("models-dev.json");
    Files.writeString(modelsDev, modelsDevList(), UTF_8);
    return EmbeddedSite.start(
        Map.of(
            "MODEL_PAGES_DATA_DIR",
            dataDir.toString(),
            "MODEL_PAGES_PRERENDER_LIMIT",
            "0",
            "MODEL_PAGES_GATEWAYS_ENABLED",
            "models-dev",
            "MODEL_PAGES_GATEWAY_MODELS_DEV_URL",
            modelsDev.toUri().toString(),
            "MODEL_PAGES_ADMIN_TOKEN",
            TOKEN,
            "MODEL_WEBHOOK_SECRET",
            Webhooks.SECRET));
  }

  // Release dates in 3024 and at the bound, the largest token counts and prices, a long developer.
  private static String modelsDevList() {
    return "{\"io.net\":{\"models\":{"
        + "\"far-future\":{\"name\":\"Far "
        + escape(HOSTILE)
        + "Future\",\"release_date\":\"3024-01-01\","
        + "\"limit\":{\"context\":100000000,\"output\":100000001},\"cost\":{\"input\":1000000000,\"output\":999999999}},"
        + "\"edge\":{\"name\":\"Edge\",\"release_date\":\"2999-12-31\",\"cost\":{\"input\":0.5,\"output\":-1}}}},"
        + "\""
        + "d".repeat(100)
        + "\":{\"models\":{\"long-developer\":{\"name\":\"Long\"}}}}";
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder();
    text.chars().forEach(c -> out.append(String.format("\\u%04x", c)));
    return out.toString();
  }

  private static String body(EmbeddedTomcat site, String path) {
    var response = site.get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return new String(response.body(), UTF_8);
  }

  private static void post(EmbeddedTomcat site, String path, String body, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(site.uri(path))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json");
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    assertThat(site.send(request).statusCode()).as(path).isEqualTo(200);
  }

  @Test
  void boundaryValuesAndHostileTextAreServedCleanedAndSurviveARestart() throws Exception {
    String webhook =
        Webhooks.modelEvent("models.added", "xai", "xai/grok-hostile", "0.000003", Webhooks.T0)
            .replace(
                "\"name\":\"Webhook grok-hostile\"",
                "\"name\":\"Grok" + escape(HOSTILE) + " Hostile\"");
    List<String> paths =
        List.of(
            "/api/models/io.net/far-future",
            "/api/models/io.net/edge",
            "/api/models/" + "d".repeat(100) + "/long-developer",
            "/api/models/xai/grok-hostile",
            "/models/io.net/far-future",
            "/models/xai/grok-hostile");
    Map<String, String> served;
    try (EmbeddedTomcat site = start()) {
      post(site, "/api/gateways/refresh", "", "Authorization", "Bearer " + TOKEN);
      post(
          site,
          "/api/webhooks/models-updated",
          webhook,
          "x-webhook-signature",
          Webhooks.signature(webhook));
      served = bodies(site, paths);
    }
    assertThat(served.get("/api/models/io.net/far-future"))
        .contains("\"name\":\"Far Future\"", "\"created\":null");
    assertThat(served.get("/api/models/xai/grok-hostile")).contains("\"name\":\"Grok Hostile\"");
    served.values().forEach(text -> assertThat(text).doesNotContain(FORBIDDEN));

    try (EmbeddedTomcat restarted = start()) {
      Map<String, String> again = bodies(restarted, paths);
      for (String path : paths) {
        if (path.startsWith("/api/")) {
          assertThat(again.get(path)).as(path).isEqualTo(served.get(path));
        }
      }
    }
  }

  private static Map<String, String> bodies(EmbeddedTomcat site, List<String> paths) {
    Map<String, String> bodies = new java.util.LinkedHashMap<>();
    paths.forEach(path -> bodies.put(path, body(site, path)));
    return bodies;
  }
}
