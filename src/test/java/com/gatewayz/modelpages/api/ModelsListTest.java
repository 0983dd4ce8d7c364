package com.gatewayz.modelpages.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.catalog.CatalogService;
import com.gatewayz.modelpages.catalog.CatalogUpdates;
import com.gatewayz.modelpages.catalog.Listing;
import com.gatewayz.modelpages.catalog.Pricing;
import com.gatewayz.modelpages.platform.JsonSupport;
import com.gatewayz.modelpages.testing.SiteExtension;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /api/models} over HTTP: the bound on {@code q}, kept answers and their purge. */
class ModelsListTest {

  @RegisterExtension static final SiteExtension site = SiteExtension.with();
  static CatalogService catalog;

  @BeforeAll
  static void start() {
    catalog = site.service(CatalogService.class);
  }

  private static JsonObject json(HttpResponse<byte[]> response) {
    return JsonSupport.JSON
        .createReader(new StringReader(new String(response.body(), StandardCharsets.UTF_8)))
        .readObject();
  }

  @Test
  void aSearchLongerThan100CharactersIsA400NamingQ() {
    HttpResponse<byte[]> tooLong = site.get("/api/models?q=" + "a".repeat(101));
    HttpResponse<byte[]> longest = site.get("/api/models?q=" + "a".repeat(100));

    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(json(tooLong).getString("error"))
        .isEqualTo("q must be at most 100 characters, got 101");
    assertThat(longest.statusCode()).isEqualTo(200);
    assertThat(json(longest).getInt("total")).isZero();
  }

  @Test
  void aSearchOfSeveralWordsMatchesModelsWithEachWord() {
    JsonObject answer = json(site.get("/api/models?q=OpenAI%20%20gpt-4o"));

    assertThat(answer.getInt("total")).isPositive();
    assertThat(answer.getJsonArray("data").getValuesAs(JsonObject.class))
        .allSatisfy(model -> assertThat(model.getString("id").toLowerCase()).contains("gpt-4o"));
  }

  @Test
  void aKeptListAnswerFollowsTheCatalog() {
    HttpResponse<byte[]> before = site.get("/api/models?limit=1000");
    HttpResponse<byte[]> again = site.get("/api/models?limit=1000&offset=0&gateway=all");
    int total = json(before).getInt("total");

    Listing listing =
        Listing.builder("newco/listed")
            .gatewayModelId("newco/listed")
            .name("Listed")
            .description("A model.")
            .contextLength(32768L)
            .pricing(Pricing.perToken("0.000001", "0.000001"))
            .build();
    catalog.update(state -> CatalogUpdates.upsert(state, "openrouter", List.of(listing), 10));
    JsonObject after = json(site.get("/api/models?limit=1000"));

    assertThat(before.statusCode()).isEqualTo(200);
    assertThat(before.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(again.body()).isEqualTo(before.body());
    assertThat(after.getInt("total")).isEqualTo(total + 1);
    assertThat(after.getJsonArray("data").getValuesAs(JsonObject.class))
        .extracting(model -> model.getString("id"))
        .contains("newco/listed");
  }
}
