package com.gatewayz.modelpages.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.testing.Deployments;
import com.gatewayz.modelpages.testing.Http;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The JSON API of the shipped WAR on Tomcat and Payara: shapes, prices as strings, 4xx errors. */
@ExtendWith(ArquillianExtension.class)
class ModelsApiIT {

  @ArquillianResource URL base;
  private Http http;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.modelPages(Map.of("MODEL_PAGES_ADMIN_TOKEN", Deployments.ADMIN_TOKEN));
  }

  @BeforeEach
  void client() {
    http = new Http(base);
  }

  static JsonObject json(HttpResponse<String> response) {
    return Http.json(response.body());
  }

  @Test
  void aSearchOver100CharactersIsA400AndAKeptListFollowsNoOtherParameters() {
    HttpResponse<String> tooLong = http.get("/api/models?q=" + "a".repeat(101));
    String all = http.get("/api/models?limit=1000").body();

    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(json(tooLong).getString("error"))
        .isEqualTo("q must be at most 100 characters, got 101");
    assertThat(http.get("/api/models?limit=1000&gateway=all").body()).isEqualTo(all);
    assertThat(json(http.get("/api/models?limit=5&offset=2")).getJsonArray("data")).hasSize(5);
  }

  @Test
  void theListHasDataAndTotalWithPricesAsPlainStrings() {
    HttpResponse<String> response = http.get("/api/models?limit=2&offset=1");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    JsonObject body = json(response);
    assertThat(body.getJsonArray("data")).hasSize(2);
    assertThat(body.getInt("total")).isGreaterThanOrEqualTo(60);
    JsonObject model = body.getJsonArray("data").getJsonObject(0);
    assertThat(model.keySet())
        .contains(
            "id",
            "name",
            "provider_slug",
            "description",
            "context_length",
            "pricing",
            "architecture",
            "supported_parameters",
            "created",
            "source_gateways",
            "offers");
    assertThat(model.getJsonObject("pricing").getString("prompt")).matches("-?[0-9]+(\\.[0-9]+)?");
  }

  @Test
  void oneModelByIdWithItsOffers() {
    JsonObject model = json(http.get("/api/models/openai/gpt-4o"));

    assertThat(model.getString("id")).isEqualTo("openai/gpt-4o");
    assertThat(model.getJsonObject("pricing").getString("prompt")).isEqualTo("0.0000025");
    assertThat(model.getJsonArray("source_gateways").getString(0)).isEqualTo("openrouter");
    assertThat(model.getJsonArray("offers").getJsonObject(0).getString("gateway"))
        .isEqualTo("openrouter");
  }

  @Test
  void aGatewayFilterAndASearchNarrowTheList() {
    JsonObject groq = json(http.get("/api/models?gateway=groq&limit=1000"));
    JsonObject claude = json(http.get("/api/models?q=claude&limit=1000"));

    assertThat(groq.getInt("total")).isPositive();
    groq.getJsonArray("data")
        .getValuesAs(JsonObject.class)
        .forEach(
            model ->
                assertThat(model.getJsonArray("source_gateways").toString()).contains("\"groq\""));
    claude
        .getJsonArray("data")
        .getValuesAs(JsonObject.class)
        .forEach(model -> assertThat(model.getString("name").toLowerCase()).contains("claude"));
  }

  @ParameterizedTest
  @CsvSource({
    "/api/models?limit=abc, limit",
    "/api/models?limit=0, limit",
    "/api/models?limit=5000, limit",
    "/api/models?offset=-1, offset",
    "/api/models?gateway=nope, 'valid gateways: all'",
    "/api/models/bad%3Cid, invalid model id"
  })
  void badParametersAre400sNamingTheProblem(String path, String message) {
    HttpResponse<String> response = http.get(path);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).getString("error")).contains(message);
  }

  @Test
  void unknownModelsAndPathsAre404Json() {
    HttpResponse<String> model = http.get("/api/models/nobody/nothing");
    HttpResponse<String> path = http.get("/api/no-such-endpoint");

    assertThat(model.statusCode()).isEqualTo(404);
    assertThat(json(model).getString("error")).contains("not found");
    assertThat(path.statusCode()).isEqualTo(404);
    assertThat(json(path).containsKey("error")).isTrue();
  }

  @Test
  void adminNeedsTheBearerTokenAndMalformedJsonIsA400() {
    HttpResponse<String> anonymous = http.post("/api/cache/invalidate", "{\"type\":\"models\"}");
    HttpResponse<String> wrong =
        http.post("/api/cache/invalidate", "{\"type\":\"models\"}", "Authorization", "Bearer nope");
    HttpResponse<String> malformed =
        http.post("/api/cache/invalidate", "{\"type\":", "Authorization", Deployments.ADMIN_AUTH);
    HttpResponse<String> unknownType =
        http.post(
            "/api/cache/invalidate",
            "{\"type\":\"everything\"}",
            "Authorization",
            Deployments.ADMIN_AUTH);

    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(json(malformed).getString("error")).contains("JSON");
    assertThat(unknownType.statusCode()).isEqualTo(400);
    assertThat(json(unknownType).getString("error")).contains("model-detail");
  }
}
