package com.gatewayz.modelpages.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.catalog.CatalogService;
import com.gatewayz.modelpages.catalog.CatalogUpdates;
import com.gatewayz.modelpages.catalog.Listing;
import com.gatewayz.modelpages.catalog.Pricing;
import com.gatewayz.modelpages.platform.JsonSupport;
import com.gatewayz.modelpages.platform.ServiceRegistry;
import com.gatewayz.modelpages.testing.EmbeddedSite;
import com.gatewayz.modelpages.testing.EmbeddedTomcat;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One model, one page (issue 14): other ids answer 301, the API answers for any id, the offers
 * table.
 */
class OneModelPagesTest {

  @TempDir static Path dataDir;
  static EmbeddedTomcat site;
  static CatalogService catalog;

  @BeforeAll
  static void start() {
    site =
        EmbeddedSite.start(
            Map.of("MODEL_PAGES_DATA_DIR", dataDir.toString(), "MODEL_PAGES_PRERENDER_LIMIT", "0"));
    catalog = ServiceRegistry.from(site.servletContext()).get(CatalogService.class);
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  static Listing listing(String id, String rawId, String prompt, String huggingFace) {
    return Listing.builder(id)
        .gatewayModelId(rawId)
        .name("Name of " + id)
        .description("A model.")
        .contextLength(131072L)
        .maxCompletionTokens(8192L)
        .pricing(Pricing.perToken(prompt, prompt))
        .huggingFaceId(huggingFace)
        .build();
  }

  // Upserts, as a webhook would: the curated models' other entries at these gateways stay listed.
  static void offer(String gateway, long time, Listing... listings) {
    catalog.update(state -> CatalogUpdates.upsert(state, gateway, List.of(listings), time));
  }

  static String body(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  static String header(HttpResponse<byte[]> response, String name) {
    return response.headers().firstValue(name).orElse(null);
  }

  private static void llama() {
    offer(
        "openrouter",
        10,
        listing(
            "acme/llama-9b-instruct",
            "acme/llama-9b-instruct",
            "0.0000003",
            "acme/Llama-9B-Instruct"));
    offer(
        "together",
        10,
        listing("acme/Llama-9B-Instruct-Turbo", "acme/Llama-9B-Instruct-Turbo", "0.0000002", null));
    offer(
        "nebius",
        10,
        listing("acme/Llama-9B-Instruct", "acme/Llama-9B-Instruct", "0.0000004", null));
  }

  @Test
  void anotherIdOfTheModelAnswers301ToItsPage() {
    llama();

    HttpResponse<byte[]> redirect = site.get("/models/acme/Llama-9B-Instruct-Turbo");

    assertThat(redirect.statusCode()).isEqualTo(301);
    assertThat(header(redirect, "Location")).endsWith("/models/acme/llama-9b-instruct");
  }

  @Test
  void theGatewayTableListsEveryOfferByPriceWithItsQuantizationAndMarksTheCheapest() {
    llama();

    String page = body(site.get("/models/acme/llama-9b-instruct"));
    String table =
        page.substring(page.indexOf("<table class=\"offers\">"), page.indexOf("</table>"));

    int together = table.indexOf("Together AI");
    int openRouter = table.indexOf("OpenRouter</a>");
    int nebius = table.indexOf("Nebius");
    assertThat(together).isPositive().isLessThan(openRouter);
    assertThat(openRouter).isLessThan(nebius);
    assertThat(table.substring(together, openRouter))
        .contains("Cheapest")
        .contains("FP8")
        .contains("as <code>acme/Llama-9B-Instruct-Turbo</code>");
    assertThat(table.substring(openRouter)).doesNotContain("Cheapest").doesNotContain("FP8");
    assertThat(table).contains("<th scope=\"col\">Quantization</th>");
  }

  @Test
  void theApiAnswersTheCanonicalModelForAnyOfItsIdsWithAliasesAndEvidence() {
    llama();

    HttpResponse<byte[]> response = site.get("/api/models/acme/Llama-9B-Instruct");
    JsonObject model = JsonSupport.JSON.createReader(new StringReader(body(response))).readObject();

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(model.getString("id")).isEqualTo("acme/llama-9b-instruct");
    assertThat(model.getJsonArray("aliases").getValuesAs(jakarta.json.JsonString.class))
        .extracting(jakarta.json.JsonString::getString)
        .containsExactlyInAnyOrder("acme/Llama-9B-Instruct-Turbo", "acme/Llama-9B-Instruct");
    assertThat(model.getJsonArray("offers").getValuesAs(JsonObject.class))
        .extracting(
            o -> o.getString("gateway"),
            o -> o.getString("evidence"),
            o -> o.isNull("quantization") ? null : o.getString("quantization"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("openrouter", "primary", null),
            org.assertj.core.groups.Tuple.tuple("together", "normalised_id", "fp8"),
            org.assertj.core.groups.Tuple.tuple("nebius", "hugging_face_id", null));
  }

  private static Listing withSlug(String id) {
    return Listing.builder(id)
        .gatewayModelId(id)
        .canonicalSlug(id)
        .name("Name of " + id)
        .description("A model.")
        .contextLength(131072L)
        .maxCompletionTokens(8192L)
        .pricing(Pricing.perToken("0.000001", "0.000001"))
        .build();
  }

  @Test
  void aRefreshThatMergesDifferentlyPurgesExactlyThePagesWhoseOffersMoved() {
    offer("fireworks", 10, withSlug("acme/gamma-9b"));
    offer("azure", 10, listing("azure/gamma-9b", "gamma-9b", "0.0000005", null));
    assertThat(header(site.get("/models/acme/gamma-9b"), "X-Cache")).isEqualTo("MISS");
    assertThat(site.get("/models/azure/gamma-9b").statusCode()).isEqualTo(301);
    site.get("/models/openai/gpt-4o");
    assertThat(header(site.get("/models/acme/gamma-9b"), "X-Cache")).isEqualTo("HIT");
    assertThat(header(site.get("/models/azure/gamma-9b"), "X-Cache")).isEqualTo("HIT");

    // A second developer's gamma-9b makes Azure's bare "gamma-9b" ambiguous: its offer moves out.
    offer("fireworks", 20, withSlug("zeta/gamma-9b"));

    HttpResponse<byte[]> acme = site.get("/models/acme/gamma-9b");
    HttpResponse<byte[]> azure = site.get("/models/azure/gamma-9b");
    assertThat(header(acme, "X-Cache")).isEqualTo("MISS");
    String table = body(acme).substring(body(acme).indexOf("<table class=\"offers\">"));
    assertThat(table.substring(0, table.indexOf("</table>"))).doesNotContainIgnoringCase("azure");
    assertThat(azure.statusCode()).isEqualTo(200);
    assertThat(header(azure, "X-Cache")).isEqualTo("MISS");
    assertThat(header(site.get("/models/openai/gpt-4o"), "X-Cache")).isEqualTo("HIT");
  }
}
