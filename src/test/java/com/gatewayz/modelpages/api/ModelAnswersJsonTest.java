package com.gatewayz.modelpages.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.catalog.Catalog;
import com.gatewayz.modelpages.catalog.CatalogService;
import com.gatewayz.modelpages.catalog.Evidence;
import com.gatewayz.modelpages.catalog.Model;
import com.gatewayz.modelpages.catalog.ModelJson;
import com.gatewayz.modelpages.catalog.Offer;
import com.gatewayz.modelpages.catalog.Pricing;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The model answers byte for byte as the JSON-P builders wrote them (expected strings captured from
 * them): envelope field order, the model's own shape from {@code ModelJson}, nulls and escapes. The
 * one-model answer is serialised by a default {@link Jsonb}, as Jersey's JSON-B provider does.
 */
class ModelAnswersJsonTest {

  private static final String MODEL =
      "{\"id\":\"acme/fast-1\",\"name\":\"Fast \\\"1\\\" <b>é\",\"provider_slug\":\"acme\","
          + "\"description\":\"\",\"context_length\":8192,"
          + "\"pricing\":{\"prompt\":\"0.000001\",\"completion\":\"0.000002\"},"
          + "\"architecture\":{\"input_modalities\":[\"text\"],\"output_modalities\":[\"text\"]},"
          + "\"supported_parameters\":[\"tools\"],\"source_gateways\":[\"groq\",\"openrouter\"],"
          + "\"created\":null,\"offers\":[";

  private final Jsonb jsonb = JsonbBuilder.create();

  private static Model fast() {
    List<Offer> offers =
        List.of(
            new Offer(
                "groq",
                Pricing.perToken("0.000001", "0.000002"),
                8192L,
                null,
                "acme/fast-1-fp8",
                "fp8",
                Evidence.NORMALISED_ID),
            new Offer("openrouter", Pricing.perToken("0.000003", "0.000004"), null, 1024L));
    return new Model(
            "acme/fast-1",
            "Fast \"1\" <b>é",
            "acme",
            null,
            8192L,
            null,
            null,
            null,
            List.of("tools"),
            null,
            List.of())
        .withOffers(offers);
  }

  private static Model plain() {
    return new Model(
            "acme/plain",
            "Plain",
            "acme",
            "A model",
            4096L,
            null,
            null,
            null,
            null,
            1_700_000_000L,
            List.of())
        .withOffers(List.of(new Offer("groq", null, null, null)));
  }

  @Test
  void aListPageIsDataThenTotal() {
    Catalog catalog = Catalog.of(List.of(fast(), plain()));

    String page =
        new String(
            new ModelLists().build(catalog, Optional.empty(), 0, 1, null), StandardCharsets.UTF_8);

    assertThat(page)
        .isEqualTo(
            "{\"data\":["
                + MODEL
                + "{\"gateway\":\"groq\",\"pricing\":{\"prompt\":\"0.000001\",\"completion\":"
                + "\"0.000002\"},\"context_length\":8192,\"max_completion_tokens\":null,"
                + "\"listing_id\":\"acme/fast-1-fp8\",\"quantization\":\"fp8\","
                + "\"evidence\":\"normalised_id\"},{\"gateway\":\"openrouter\",\"pricing\":"
                + "{\"prompt\":\"0.000003\",\"completion\":\"0.000004\"},\"context_length\":null,"
                + "\"max_completion_tokens\":1024,\"listing_id\":null,\"quantization\":null,"
                + "\"evidence\":null}]}],\"total\":2}");
  }

  @Test
  void anEmptyPageStillSaysItsTotal() {
    Catalog catalog = Catalog.of(List.of(fast(), plain()));

    String page =
        new String(
            new ModelLists().build(catalog, Optional.empty(), 5, 10, null), StandardCharsets.UTF_8);

    assertThat(page).isEqualTo("{\"data\":[],\"total\":2}");
  }

  @Test
  void oneModelIsItsShapeThenItsAliases() {
    ModelsResource resource =
        new ModelsResource(
            CatalogService.of(
                List.of(fast(), plain()), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)));

    assertThat(jsonb.toJson(resource.one("acme/fast-1")))
        .isEqualTo(
            MODEL
                + "{\"gateway\":\"groq\",\"pricing\":{\"prompt\":\"0.000001\",\"completion\":"
                + "\"0.000002\"},\"context_length\":8192,\"max_completion_tokens\":null,"
                + "\"listing_id\":\"acme/fast-1\",\"quantization\":null,\"evidence\":\"primary\"},"
                + "{\"gateway\":\"openrouter\",\"pricing\":{\"prompt\":\"0.000003\",\"completion\":"
                + "\"0.000004\"},\"context_length\":8192,\"max_completion_tokens\":1024,"
                + "\"listing_id\":\"acme/fast-1\",\"quantization\":null,\"evidence\":\"same_id\"}],"
                + "\"aliases\":[]}");
    assertThat(jsonb.toJson(resource.one("acme/plain")))
        .isEqualTo(
            "{\"id\":\"acme/plain\",\"name\":\"Plain\",\"provider_slug\":\"acme\","
                + "\"description\":\"A model\",\"context_length\":4096,"
                + "\"pricing\":{\"prompt\":null,\"completion\":null},"
                + "\"architecture\":{\"input_modalities\":[\"text\"],"
                + "\"output_modalities\":[\"text\"]},\"supported_parameters\":[],"
                + "\"source_gateways\":[\"groq\"],\"created\":1700000000,\"offers\":[{"
                + "\"gateway\":\"groq\",\"pricing\":{\"prompt\":null,\"completion\":null},"
                + "\"context_length\":4096,\"max_completion_tokens\":null,"
                + "\"listing_id\":\"acme/plain\","
                + "\"quantization\":null,\"evidence\":\"primary\"}],\"aliases\":[]}");
  }

  @Test
  void aModelsAliasesFollowItsFieldsInOrder() {
    JsonObject model = ModelJson.write(plain());
    List<String> aliases = List.of("acme/plain-fp8", "groq/plain");

    assertThat(jsonb.toJson(new ModelAnswers.OneModel(model, aliases)))
        .isEqualTo(
            model.toString().replaceFirst("}$", "")
                + ",\"aliases\":[\"acme/plain-fp8\",\"groq/plain\"]}");
  }
}
