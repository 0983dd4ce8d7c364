package com.gatewayz.modelpages.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.gatewayz.modelpages.testing.Deployments;
import com.gatewayz.modelpages.testing.Http;
import com.gatewayz.modelpages.testing.StubGateway;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Discovery on Tomcat (scheduler thread) and Payara (EJB timer): a stub gateway on loopback is
 * refreshed every second; new models and price changes reach the pages without a redeploy, and a
 * failing gateway never empties a page.
 */
@ExtendWith(ArquillianExtension.class)
class GatewayRefreshIT {

  static final StubGateway STUB = StubGateway.start();

  @ArquillianResource URL base;
  private Http http;

  @Deployment(testable = false)
  static WebArchive deployment() {
    STUB.setList(StubGateway.openRouterList("stubco/first-model", "0.000001"));
    return Deployments.modelPages(
        Map.of(
            "MODEL_PAGES_REFRESH_SECONDS", "1",
            "MODEL_PAGES_GATEWAYS_ENABLED", "openrouter",
            // The stub lists far fewer models than the curated catalog holds from OpenRouter: apply
            // that drop at once (holding it is SuspiciousListTest's subject, not this test's).
            "MODEL_PAGES_GATEWAY_DROP_CONFIRMATIONS", "1",
            "MODEL_PAGES_GATEWAY_OPENROUTER_URL", STUB.url(),
            "MODEL_PAGES_ADMIN_TOKEN", Deployments.ADMIN_TOKEN));
  }

  @AfterAll
  static void stopStub() {
    STUB.close();
  }

  @BeforeEach
  void client() {
    http = new Http(base);
    STUB.setMode(StubGateway.Mode.LIST);
  }

  private JsonObject gateways() {
    return Http.json(http.get("/api/gateways").body());
  }

  private JsonObject openrouter() {
    return gateways().getJsonArray("gateways").getValuesAs(JsonObject.class).stream()
        .filter(g -> g.getString("id").equals("openrouter"))
        .findFirst()
        .orElseThrow();
  }

  private long runs() {
    return gateways().getJsonObject("refresh").getJsonNumber("runs").longValue();
  }

  @Test
  void theTimerFiresOncePerIntervalThroughThisServersScheduler() {
    String expected =
        System.getProperty("it.server", "tomcat").equals("payara") ? "ejb-timer" : "executor";
    assertThat(gateways().getJsonObject("refresh").getString("scheduler")).isEqualTo(expected);

    await().atMost(Duration.ofSeconds(30)).until(() -> runs() >= 2);
    long startRuns = runs();
    long start = System.nanoTime();
    await().atMost(Duration.ofSeconds(30)).until(() -> runs() >= startRuns + 4);
    double seconds = (System.nanoTime() - start) / 1e9;

    // Twice the runs would mean two schedulers: the detection trap.
    assertThat((runs() - startRuns) / seconds).isLessThan(1.6);
  }

  @Test
  void aNewModelAppearsWithoutARedeployAndAPriceChangeReachesItsPage() {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> http.get("/models/stubco/first-model").statusCode() == 200);
    assertThat(http.get("/models/stubco/second-model").statusCode()).isEqualTo(404);

    STUB.setList(
        StubGateway.openRouterList(
            "stubco/first-model", "0.000002", "stubco/second-model", "0.000003"));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> http.get("/models/stubco/second-model").statusCode() == 200);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> http.get("/models/stubco/first-model").body().contains("$2.00 / 1M"));
  }

  @Test
  void modelsTheGatewayNoLongerListsAreRetiredAfterTwoRefreshes() {
    // The stub lists only stubco models: the curated models only OpenRouter offered leave.
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> http.get("/models/openai/gpt-4o").statusCode() == 410);
    assertThat(http.get("/models/openai/gpt-4o").body()).contains("retired").contains("/models?q=");
  }

  @Test
  void anAdminCanRefreshNowAndGetsTheSummary() {
    var anonymous = http.post("/api/gateways/refresh", "");
    var refresh = http.post("/api/gateways/refresh", "", "Authorization", Deployments.ADMIN_AUTH);

    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(refresh.statusCode()).isEqualTo(200);
    assertThat(refresh.body()).contains("\"gateways\"").contains("\"models\"");
  }
}
