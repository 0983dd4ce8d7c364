package com.gatewayz.modelpages.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.gatewayz.modelpages.testing.Http;
import com.gatewayz.modelpages.testing.TestModels;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelJsonTest {

  private static JsonObject json(String text) {
    return Http.json(text);
  }

  @Test
  void aModelRoundTripsWithPricesAsPlainStrings() throws Exception {
    Model model =
        TestModels.priced(
            "openai/gpt-4o",
            "0.0000025",
            "0.00001",
            new Offer("openrouter", Pricing.perToken("0.0000025", "0.00001"), 128000L, 16384L),
            new Offer("together", Pricing.perToken("7E-7", "0.0000009"), 131072L, null));

    JsonObject written = ModelJson.write(model);
    Model read = ModelJson.read(written, "model");

    assertThat(written.toString()).doesNotContain("E-").contains("\"prompt\":\"0.0000007\"");
    assertThat(written.getJsonArray("source_gateways").toString())
        .isEqualTo("[\"openrouter\",\"together\"]");
    assertThat(read).isEqualTo(model);
  }

  @Test
  void theHeadlinePriceIsTheCheapestOfferNamingItsGateway() throws Exception {
    Model model =
        ModelJson.read(
            json(
                "{\"id\":\"x/y\",\"offers\":["
                    + "{\"gateway\":\"openrouter\",\"pricing\":{\"prompt\":\"0.000002\",\"completion\":\"0.000004\"}},"
                    + "{\"gateway\":\"groq\",\"pricing\":{\"prompt\":null,\"completion\":null}},"
                    + "{\"gateway\":\"deepinfra\",\"pricing\":{\"prompt\":\"0.000001\",\"completion\":\"0.000002\"}},"
                    + "{\"gateway\":\"auto\",\"pricing\":{\"prompt\":\"-1\",\"completion\":\"-1\"}}]}"),
            "m");

    assertThat(model.pricingGateway()).isEqualTo("deepinfra");
    assertThat(model.pricing().prompt()).isEqualByComparingTo(new BigDecimal("0.000001"));
    assertThat(model.developer()).isEqualTo("x");
  }

  @Test
  void badFieldsAreNamedByTheirPath() {
    assertThatThrownBy(
            () ->
                ModelJson.readAll(
                    Json.createArrayBuilder()
                        .add(json("{\"id\":\"ok/a\"}"))
                        .add(json("{\"id\":\"bad id\"}"))
                        .build(),
                    "models"))
        .hasMessageStartingWith("models[1].id: ");
    assertThatThrownBy(
            () -> ModelJson.read(json("{\"id\":\"a/b\",\"context_length\":\"big\"}"), "m"))
        .hasMessage("m.context_length: must be a whole number");
    assertThatThrownBy(
            () -> ModelJson.read(json("{\"id\":\"a/b\",\"pricing\":{\"prompt\":\"cheap\"}}"), "m"))
        .hasMessageStartingWith("m.pricing.prompt: ");
    assertThatThrownBy(() -> ModelJson.read(json("{\"name\":\"no id\"}"), "m"))
        .hasMessage("m.id: is required");
    assertThatThrownBy(
            () ->
                ModelJson.read(
                    json("{\"id\":\"a/b\",\"offers\":[{\"gateway\":\"Bad Gateway!\"}]}"), "m"))
        .hasMessageStartingWith("m.offers[0].gateway: ");
    assertThatThrownBy(
            () ->
                ModelJson.read(json("{\"id\":\"a/b\",\"name\":\"" + "n".repeat(300) + "\"}"), "m"))
        .hasMessage("m.name: is longer than 256 characters");
  }

  @Test
  void theBundledCuratedCatalogIsValidAndLargeEnough() {
    List<Model> curated = CuratedModels.load();

    assertThat(curated).hasSizeGreaterThanOrEqualTo(60);
    assertThat(curated.stream().map(Model::developer).distinct().count())
        .isGreaterThanOrEqualTo(10);
    assertThat(curated.stream().map(Model::developer))
        .contains(
            "openai", "anthropic", "google", "mistralai", "x-ai", "deepseek", "qwen", "cohere");
  }
}
