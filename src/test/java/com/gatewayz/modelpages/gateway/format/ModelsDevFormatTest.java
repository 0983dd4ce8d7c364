package com.gatewayz.modelpages.gateway.format;

import static com.gatewayz.modelpages.gateway.format.Fixtures.model;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.gatewayz.modelpages.catalog.Listing;
import com.gatewayz.modelpages.catalog.Pricing;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ModelsDevFormatTest {

  private static ParsedList list;

  @BeforeAll
  static void parseFixture() throws Exception {
    list = Fixtures.parse("models-dev", "models-dev.json", "models-dev");
  }

  @Test
  void oneModelPerProviderAndModel() {
    assertThat(list.models())
        .extracting(m -> m.provider() + " " + m.id())
        .containsExactly(
            "anthropic anthropic/claude-sonnet-4-5-20250929",
            "anthropic anthropic/claude-3-5-haiku-20241022",
            "groq groq/llama-3.3-70b-versatile",
            "groq groq/whisper-large-v3",
            "groq meta-llama/llama-4-scout-17b-16e-instruct",
            "kilo ~anthropic/claude-haiku-latest",
            "abacus Qwen/QwQ-32B",
            "alibaba alibaba/qwen2-5-72b-instruct",
            "alibaba alibaba/odd-values",
            "alibaba alibaba/no-cost");
  }

  @Test
  void readsEveryFieldOfARealEntry() {
    Listing sonnet = model(list, "anthropic/claude-sonnet-4-5-20250929");
    assertThat(sonnet.gatewayModelId()).isEqualTo("claude-sonnet-4-5-20250929");
    assertThat(sonnet.name()).isEqualTo("Claude Sonnet 4.5");
    assertThat(sonnet.developer()).isEqualTo("anthropic");
    assertThat(sonnet.contextLength()).isEqualTo(200_000L);
    assertThat(sonnet.maxCompletionTokens()).isEqualTo(64_000L);
    assertThat(sonnet.architecture().inputModalities()).containsExactly("text", "image", "file");
    assertThat(sonnet.architecture().outputModalities()).containsExactly("text");
    assertThat(sonnet.supportedParameters()).containsExactly("tools", "reasoning", "temperature");
    assertThat(sonnet.created()).isEqualTo(Instant.parse("2025-09-29T00:00:00Z").getEpochSecond());
    assertThat(sonnet.canonicalSlug()).isNull();
    assertThat(sonnet.description()).isNull();
  }

  @Test
  void dividesPerMillionCostsExactly() {
    Pricing sonnet = model(list, "anthropic/claude-sonnet-4-5-20250929").pricing();
    assertThat(sonnet.prompt()).isEqualByComparingTo(new BigDecimal("0.000003"));
    assertThat(sonnet.prompt().toPlainString()).isEqualTo("0.000003");
    assertThat(sonnet.completion().toPlainString()).isEqualTo("0.000015");
    Pricing llama = model(list, "groq/llama-3.3-70b-versatile").pricing();
    assertThat(llama.prompt().toPlainString()).isEqualTo("0.00000059");
  }

  @Test
  void keepsIdsWithASlashUpperCaseAndTilde() {
    assertThat(model(list, "meta-llama/llama-4-scout-17b-16e-instruct").developer())
        .isEqualTo("meta-llama");
    Listing qwq = model(list, "Qwen/QwQ-32B");
    assertThat(qwq.developer()).isEqualTo("qwen");
    assertThat(qwq.gatewayModelId()).isEqualTo("Qwen/QwQ-32B");
    Listing haiku = model(list, "~anthropic/claude-haiku-latest");
    assertThat(haiku.developer()).isEqualTo("anthropic");
    assertThat(haiku.provider()).isEqualTo("kilo");
  }

  @Test
  void zeroLimitsAndMissingCostAreUnknown() {
    Listing whisper = model(list, "groq/whisper-large-v3");
    assertThat(whisper.contextLength()).isNull();
    assertThat(whisper.maxCompletionTokens()).isNull();
    assertThat(whisper.pricing()).isEqualTo(Pricing.UNKNOWN);
    assertThat(whisper.supportedParameters()).containsExactly("temperature");
  }

  @Test
  void yearMonthReleaseDateIsTheFirstOfTheMonth() {
    assertThat(model(list, "alibaba/qwen2-5-72b-instruct").created())
        .isEqualTo(Instant.parse("2024-09-01T00:00:00Z").getEpochSecond());
  }

  @Test
  void oddValuesReadAsAbsent() {
    Listing odd = model(list, "alibaba/odd-values");
    assertThat(odd.created()).isNull();
    assertThat(odd.pricing()).isEqualTo(Pricing.UNKNOWN);
    assertThat(odd.contextLength()).isNull();
    assertThat(odd.maxCompletionTokens()).isNull();
    assertThat(odd.architecture()).isNull();
    assertThat(odd.supportedParameters()).containsExactly("reasoning");
    assertThat(model(list, "alibaba/no-cost").created()).isNull();
  }

  @Test
  void reportsSkippedModelsAndProviders() {
    assertThat(list.skipped())
        .containsExactly(
            "skipped 'evil<script>' from models-dev provider alibaba: id contains a character"
                + " that is not allowed at position 5",
            "skipped 'wrong-type' from models-dev provider alibaba: a string where a model object"
                + " belongs",
            "skipped 'alibaba/qwen2-5-72b-instruct' from models-dev provider alibaba: duplicate"
                + " id, the first entry is kept",
            "skipped provider 'broken-provider' from models-dev: a string where an object"
                + " belongs");
  }

  @Test
  void sameIdUnderTwoProvidersIsNotADuplicate() throws Exception {
    String json = "{\"a\":{\"models\":{\"x/m\":{\"id\":\"x/m\"}}},\"b\":{\"models\":{\"x/m\":{}}}}";
    ParsedList parsed = Fixtures.parseText("models-dev", json, "models-dev");
    assertThat(parsed.models()).extracting(Listing::provider).containsExactly("a", "b");
    assertThat(parsed.models()).extracting(Listing::id).containsOnly("x/m");
  }

  @Test
  void releaseDates() {
    assertThat(ModelsDevFormat.releaseDate("2024-05-13"))
        .isEqualTo(Instant.parse("2024-05-13T00:00:00Z").getEpochSecond());
    assertThat(ModelsDevFormat.releaseDate("2024-05"))
        .isEqualTo(Instant.parse("2024-05-01T00:00:00Z").getEpochSecond());
    assertThat(ModelsDevFormat.releaseDate("2024")).isNull();
    assertThat(ModelsDevFormat.releaseDate("2024-13-01")).isNull();
    assertThat(ModelsDevFormat.releaseDate(null)).isNull();
  }

  @Test
  void rejectsAnArrayAtTheTop() {
    assertThatThrownBy(() -> Fixtures.parseText("models-dev", "[]", "models-dev"))
        .isInstanceOf(ListFormatException.class)
        .hasMessage("models-dev's model list is an array, not an object.");
  }

  @Test
  void aReleaseDateAfterTheYear3000IsUnknownSoTheStoredCatalogLoadsIt() throws Exception {
    String json =
        "{\"io.net\":{\"models\":{\"far\":{\"name\":\"Far\",\"release_date\":\"3024-01-01\"},"
            + "\"edge\":{\"name\":\"Edge\",\"release_date\":\"2999-12-31\"}}}}";
    ParsedList parsed = Fixtures.parseText("models-dev", json, "models-dev");

    assertThat(model(parsed, "io.net/far").created()).isNull();
    assertThat(model(parsed, "io.net/edge").created())
        .isEqualTo(Instant.parse("2999-12-31T00:00:00Z").getEpochSecond());
    assertThat(model(parsed, "io.net/far").developer()).isEqualTo("io-net");
  }
}
