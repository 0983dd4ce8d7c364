package com.gatewayz.modelpages.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.gatewayz.modelpages.platform.Settings;
import com.gatewayz.modelpages.testing.Deployments;
import com.gatewayz.modelpages.testing.Http;
import com.gatewayz.modelpages.testing.StubGateway;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gateways that answer 500, garbage, 50 MiB or nothing at all, beside one that works: every page
 * keeps serving and each failure shows in {@code GET /api/gateways}.
 */
@ExtendWith(ArquillianExtension.class)
class GatewayFailuresIT {

  static final StubGateway WORKING = StubGateway.start();
  static final Map<String, StubGateway> FAILING =
      Map.of(
          "vercel-ai-gateway", stub(StubGateway.Mode.ERROR_500),
          "featherless", stub(StubGateway.Mode.GARBAGE),
          "chutes", stub(StubGateway.Mode.HUGE),
          "huggingface", stub(StubGateway.Mode.HANG));
  // What GET /api/gateways shows anyone: the class of the error, never its text.
  static final Map<String, String> ERROR_CLASSES =
      Map.of(
          "vercel-ai-gateway", "http_500",
          "featherless", "bad_format",
          "chutes", "too_large",
          "huggingface", "timeout");

  @ArquillianResource URL base;

  private static StubGateway stub(StubGateway.Mode mode) {
    StubGateway stub = StubGateway.start();
    stub.setMode(mode);
    return stub;
  }

  @Deployment(testable = false)
  static WebArchive deployment() {
    WORKING.setList(StubGateway.openRouterList("stubco/steady-model", "0.000001"));
    Map<String, String> settings = new java.util.HashMap<>();
    settings.put("MODEL_PAGES_REFRESH_SECONDS", "1");
    // The working stub lists one model where the curated catalog holds many from OpenRouter: apply
    // that drop at once (holding it is SuspiciousListTest's subject, not this test's).
    settings.put("MODEL_PAGES_GATEWAY_DROP_CONFIRMATIONS", "1");
    settings.put(
        "MODEL_PAGES_GATEWAYS_ENABLED", "openrouter," + String.join(",", FAILING.keySet()));
    settings.put("MODEL_PAGES_GATEWAY_OPENROUTER_URL", WORKING.url());
    FAILING.forEach((id, stub) -> settings.put(Settings.GatewayUrls.settingName(id), stub.url()));
    return Deployments.modelPages(settings);
  }

  @AfterAll
  static void stopStubs() {
    WORKING.close();
    FAILING.values().forEach(StubGateway::close);
  }

  private JsonObject status(Http http, String id) {
    JsonObject body = Http.json(http.get("/api/gateways").body());
    return body.getJsonArray("gateways").getValuesAs(JsonObject.class).stream()
        .filter(gateway -> gateway.getString("id").equals(id))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void failingGatewaysShowTheirErrorAndEveryPageKeepsServing() {
    Http http = new Http(base);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> http.get("/models/stubco/steady-model").statusCode() == 200);

    for (String id : List.copyOf(FAILING.keySet())) {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> FAILING.get(id).requests() > 0 && !status(http, id).isNull("last_error"));
      assertThat(status(http, id).getString("last_error")).as(id).isEqualTo(ERROR_CLASSES.get(id));
      assertThat(status(http, id).containsKey("last_error_detail")).as(id).isFalse();
      assertThat(status(http, id).getInt("model_count")).as(id).isZero();
    }
    assertThat(status(http, "openrouter").isNull("last_error")).isTrue();
    assertThat(http.get("/models/stubco/steady-model").statusCode()).isEqualTo(200);
    assertThat(http.get("/models/openai/gpt-oss-120b").statusCode()).isEqualTo(200);
    assertThat(http.get("/health/live").statusCode()).isEqualTo(200);
  }
}
