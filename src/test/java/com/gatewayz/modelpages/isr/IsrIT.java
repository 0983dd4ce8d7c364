package com.gatewayz.modelpages.isr;

import static com.gatewayz.modelpages.testing.Http.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.gatewayz.modelpages.testing.Deployments;
import com.gatewayz.modelpages.testing.Http;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The cache engine in the shipped WAR on Tomcat and Payara: pre-render, HIT/MISS, purges, admin.
 */
@ExtendWith(ArquillianExtension.class)
class IsrIT {

  @ArquillianResource URL base;
  private Http http;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.modelPages(
        Map.of(
            "MODEL_PAGES_PRERENDER_LIMIT",
            "5",
            "MODEL_PAGES_ADMIN_TOKEN",
            Deployments.ADMIN_TOKEN));
  }

  @BeforeEach
  void ready() {
    http = new Http(base);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> http.get("/health/ready").statusCode() == 200);
  }

  private JsonObject cacheReport() {
    HttpResponse<String> response = http.get("/api/cache", "Authorization", Deployments.ADMIN_AUTH);
    assertThat(response.statusCode()).isEqualTo(200);
    return Http.json(response.body());
  }

  @Test
  void healthIsLiveAndReadyAfterPrerender() {
    assertThat(http.get("/health/live").body()).isEqualTo("{\"status\":\"UP\"}");
    assertThat(http.get("/health/ready").body()).isEqualTo("{\"status\":\"UP\"}");
  }

  @Test
  void theFirstVisitOfAPrerenderedPageIsAHit() {
    JsonObject report = cacheReport();
    String first = report.getJsonArray("prerendered").getString(0);

    HttpResponse<String> page = http.get(first);

    assertThat(report.getJsonArray("prerendered")).hasSize(5);
    assertThat(header(page, "X-Cache")).isEqualTo("HIT");
    assertThat(header(page, "Surrogate-Key")).contains("models:popular").contains("models:detail");
  }

  @Test
  void aPageNotPrerenderedIsRenderedOnFirstVisitThenCached() {
    HttpResponse<String> first = http.get("/models/z-ai/glm-4.5-air:free");
    HttpResponse<String> second = http.get("/models/z-ai/glm-4.5-air:free");

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(header(first, "X-Cache")).isEqualTo("MISS");
    assertThat(header(second, "X-Cache")).isEqualTo("HIT");
    assertThat(header(second, "ETag")).isEqualTo(header(first, "ETag"));
    assertThat(
            http.get("/models/z-ai/glm-4.5-air:free", "If-None-Match", header(first, "ETag"))
                .statusCode())
        .isEqualTo(304);
  }

  @Test
  void anAdminPurgeOfAModelIsSeenByTheNextRequest() {
    http.get("/models/openai/gpt-4o-mini");
    assertThat(header(http.get("/models/openai/gpt-4o-mini"), "X-Cache")).isEqualTo("HIT");

    HttpResponse<String> purge =
        http.post(
            "/api/cache/invalidate",
            "{\"type\":\"model-detail\",\"modelId\":\"openai/gpt-4o-mini\"}",
            "Authorization",
            Deployments.ADMIN_AUTH);

    assertThat(purge.statusCode()).isEqualTo(200);
    assertThat(purge.body())
        .contains("\"success\":true")
        .contains("\"tags\":[\"model:openai/gpt-4o-mini\"]")
        .contains("\"paths\":[\"/models/openai/gpt-4o-mini\"]");
    assertThat(header(http.get("/models/openai/gpt-4o-mini"), "X-Cache")).isEqualTo("MISS");
  }

  @Test
  void aTagPurgeReachesEveryPageThatShowsTheModel() {
    http.get("/models");
    assertThat(header(http.get("/models"), "X-Cache")).isEqualTo("HIT");

    http.post(
        "/api/cache/invalidate", "{\"type\":\"models\"}", "Authorization", Deployments.ADMIN_AUTH);

    assertThat(header(http.get("/models"), "X-Cache")).isEqualTo("MISS");
  }

  @Test
  void theReportCountsEveryRender() {
    long before = cacheReport().getJsonNumber("renders").longValue();

    http.get("/models/qwen/qwen3-coder-next");
    http.get("/models/qwen/qwen3-coder-next");

    JsonObject after = cacheReport();
    assertThat(after.getJsonNumber("renders").longValue()).isEqualTo(before + 1);
    assertThat(after.getJsonNumber("entries").longValue()).isPositive();
    assertThat(after.getJsonObject("tags").getInt("stamped")).isGreaterThanOrEqualTo(0);
  }
}
