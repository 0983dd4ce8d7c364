package com.gatewayz.modelpages.gateway.format;

import static com.gatewayz.modelpages.gateway.format.Fixtures.model;
import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.catalog.Listing;
import com.gatewayz.modelpages.catalog.Pricing;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OpenAiCompatibleFormatTest {

  private static ParsedList list;

  @BeforeAll
  static void parseFixture() throws Exception {
    list = Fixtures.parse("openai", "groq-models.json", "groq");
  }

  @Test
  void prefixesBareIdsWithTheOwnerSlug() {
    assertThat(list.models())
        .extracting(Listing::id)
        .containsExactly(
            "openai/whisper-large-v3-turbo",
            "meta/llama-3.3-70b-versatile",
            "google/gemma2-9b-it",
            "mistral-ai/mixtral-8x7b-32768",
            "hugging-face/distil-whisper-large-v3-en",
            "meta/llama-3.1-8b-instant",
            "meta-llama/llama-4-scout-17b-16e-instruct",
            "alibaba-cloud/qwen-qwq-32b",
            "groq/compound-beta",
            "meta/zero-context-model");
  }

  @Test
  void readsARealGroqEntry() {
    Listing llama = model(list, "meta/llama-3.3-70b-versatile");
    assertThat(llama.gatewayModelId()).isEqualTo("llama-3.3-70b-versatile");
    assertThat(llama.name()).isEqualTo("llama-3.3-70b-versatile");
    assertThat(llama.developer()).isEqualTo("meta");
    assertThat(llama.contextLength()).isEqualTo(32_768L);
    assertThat(llama.created()).isEqualTo(1_733_447_754L);
    assertThat(llama.pricing()).isSameAs(Pricing.UNKNOWN);
    assertThat(llama.canonicalSlug()).isNull();
    assertThat(llama.architecture()).isNull();
    assertThat(llama.supportedParameters()).isEmpty();
  }

  @Test
  void keepsIdsThatHaveADeveloperSegment() {
    Listing scout = model(list, "meta-llama/llama-4-scout-17b-16e-instruct");
    assertThat(scout.gatewayModelId()).isEqualTo(scout.id());
    assertThat(scout.developer()).isEqualTo("meta-llama");
    assertThat(scout.name()).isEqualTo("llama-4-scout-17b-16e-instruct");
    assertThat(scout.maxCompletionTokens()).isEqualTo(8192L);
  }

  @Test
  void multiWordOwnerBecomesASlug() {
    assertThat(model(list, "alibaba-cloud/qwen-qwq-32b").developer()).isEqualTo("alibaba-cloud");
  }

  @Test
  void missingOwnerFallsBackToTheGatewayAndContextLengthIsRead() {
    Listing compound = model(list, "groq/compound-beta");
    assertThat(compound.developer()).isEqualTo("groq");
    assertThat(compound.contextLength()).isEqualTo(131_072L);
  }

  @Test
  void zeroContextAndNonNumericCreatedAreUnknown() {
    Listing zero = model(list, "meta/zero-context-model");
    assertThat(zero.contextLength()).isNull();
    assertThat(zero.created()).isNull();
  }

  @Test
  void inactiveModelsAreLeftOutWithoutALine() {
    assertThat(list.models())
        .extracting(Listing::gatewayModelId)
        .doesNotContain("llama-3.2-1b-preview");
    assertThat(list.skipped()).noneMatch(line -> line.contains("llama-3.2-1b-preview"));
  }

  @Test
  void reportsBadIdsWithTheRawIdWrongTypesAndDuplicates() {
    assertThat(list.skipped())
        .containsExactly(
            "skipped 'bad id<>' from groq: id contains a character that is not allowed at"
                + " position 4",
            "skipped entry 13 from groq: a number where a model object belongs",
            "skipped 'meta/llama-3.3-70b-versatile' from groq: duplicate id, the first entry is"
                + " kept");
    assertThat(model(list, "meta/llama-3.3-70b-versatile").contextLength()).isEqualTo(32_768L);
  }

  @Test
  void nameFieldWinsOverTheId() throws Exception {
    ParsedList parsed =
        Fixtures.parseText(
            "openai",
            "{\"object\":\"list\",\"data\":[{\"id\":\"grok-4\",\"name\":\"Grok 4\","
                + "\"owned_by\":\"xai\",\"context_length\":256000}]}",
            "xai");
    assertThat(parsed.models().get(0).id()).isEqualTo("xai/grok-4");
    assertThat(parsed.models().get(0).name()).isEqualTo("Grok 4");
  }
}
