package com.gatewayz.modelpages.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.testing.SiteExtension;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * JAX-RS's own refusals (wrong method, wrong body type, unacceptable answer type) are JSON {@code
 * {"error":...}} with their status, never the container's HTML page.
 */
class ApiErrorStatusTest {

  @RegisterExtension
  static final SiteExtension site =
      SiteExtension.with("MODEL_PAGES_ADMIN_TOKEN", "admin-token-0123456789");

  @Test
  void aWrongMethodIs405JsonWithAllow() {
    HttpResponse<byte[]> response =
        site.send(HttpRequest.newBuilder(site.uri("/api/models")).DELETE());

    assertJsonError(response, 405, "Method Not Allowed");
    assertThat(response.headers().firstValue("Allow").orElse("")).contains("GET");
  }

  @Test
  void aBodyThatIsNotJsonIs415Json() {
    HttpResponse<byte[]> response =
        site.send(
            HttpRequest.newBuilder(site.uri("/api/cache/invalidate"))
                .header("Content-Type", "text/plain")
                .header("Authorization", "Bearer admin-token-0123456789")
                .POST(BodyPublishers.ofString("type=all")));

    assertJsonError(response, 415, "Unsupported Media Type");
  }

  @Test
  void anAdminRequestWithoutTheTokenIsRefusedBeforeItsBodyIsRead() {
    String malformed = "{\"type\":" + "[".repeat(1_000_000);
    HttpResponse<byte[]> anonymous =
        site.send(
            HttpRequest.newBuilder(site.uri("/api/cache/invalidate"))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(malformed)));
    HttpResponse<byte[]> wrongToken =
        site.send(
            HttpRequest.newBuilder(site.uri("/api/cache/invalidate"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer not-the-admin-token-0123")
                .POST(BodyPublishers.ofString("{not json")));

    assertJsonError(anonymous, 401, "missing or invalid admin token");
    assertJsonError(wrongToken, 401, "missing or invalid admin token");
  }

  @Test
  void anAnswerTypeWeCannotProduceIs406Json() {
    HttpResponse<byte[]> response = site.get("/api/models", "Accept", "text/csv");

    assertJsonError(response, 406, "Not Acceptable");
  }

  @Test
  void anUnknownApiPathIs404Json() {
    HttpResponse<byte[]> response = site.get("/api/no-such-thing");

    assertJsonError(response, 404, "Not Found");
  }

  private static void assertJsonError(HttpResponse<byte[]> response, int status, String error) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/json");
    assertThat(new String(response.body(), StandardCharsets.UTF_8))
        .isEqualTo("{\"error\":\"" + error + "\"}");
  }
}
