package com.gatewayz.modelpages.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.testing.EmbeddedSite;
import com.gatewayz.modelpages.testing.EmbeddedTomcat;
import com.gatewayz.modelpages.testing.Http;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /api/gateways} shows anyone the class of a gateway's last error, and its text (which
 * names paths and hosts) only to the admin.
 */
class GatewaysApiTest {

  static final String TOKEN = "gateways-api-test-token-0123456789";

  @TempDir static Path dataDir;
  @TempDir static Path lists;
  static Path missingList;
  static EmbeddedTomcat site;

  @BeforeAll
  static void start() {
    missingList = lists.resolve("internal-mirror/openrouter.json");
    site =
        EmbeddedSite.start(
            Map.of(
                "MODEL_PAGES_DATA_DIR",
                dataDir.toString(),
                "MODEL_PAGES_PRERENDER_LIMIT",
                "0",
                "MODEL_PAGES_ADMIN_TOKEN",
                TOKEN,
                "MODEL_PAGES_GATEWAYS_ENABLED",
                "openrouter",
                "MODEL_PAGES_GATEWAY_OPENROUTER_URL",
                missingList.toUri().toString()));
    HttpResponse<byte[]> refresh =
        site.send(
            HttpRequest.newBuilder(site.uri("/api/gateways/refresh"))
                .header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(refresh.statusCode()).isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  private static JsonObject openRouter(HttpResponse<byte[]> response) {
    String body = new String(response.body(), StandardCharsets.UTF_8);
    return Http.json(body).getJsonArray("gateways").getValuesAs(JsonObject.class).stream()
        .filter(gateway -> gateway.getString("id").equals("openrouter"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void anyoneSeesTheErrorClassAndNothingOfItsText() {
    HttpResponse<byte[]> response = site.get("/api/gateways");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject gateway = openRouter(response);
    assertThat(gateway.getString("last_error")).isEqualTo("file_unreadable");
    assertThat(gateway.containsKey("last_error_detail")).isFalse();
    assertThat(new String(response.body(), StandardCharsets.UTF_8))
        .doesNotContain("internal-mirror")
        .doesNotContain(lists.toString())
        .doesNotContain("Exception");
  }

  @Test
  void theAdminSeesTheErrorText() {
    HttpResponse<byte[]> response = site.get("/api/gateways", "Authorization", "Bearer " + TOKEN);

    JsonObject gateway = openRouter(response);
    assertThat(gateway.getString("last_error")).isEqualTo("file_unreadable");
    assertThat(gateway.getString("last_error_detail")).contains("internal-mirror");
  }

  @Test
  void aWrongBearerTokenIsRefusedNotIgnored() {
    HttpResponse<byte[]> response =
        site.get("/api/gateways", "Authorization", "Bearer not-the-token-0123456789");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(new String(response.body(), StandardCharsets.UTF_8))
        .doesNotContain("internal-mirror");
  }

  @Test
  void theAdminPageShowsTheErrorText() {
    HttpResponse<byte[]> response = site.get("/admin", "Authorization", "Bearer " + TOKEN);

    assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("internal-mirror");
  }
}
