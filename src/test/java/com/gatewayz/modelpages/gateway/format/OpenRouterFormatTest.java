package com.gatewayz.modelpages.gateway.format;

import static com.gatewayz.modelpages.gateway.format.Fixtures.model;
import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.catalog.Architecture;
import com.gatewayz.modelpages.catalog.Listing;
import com.gatewayz.modelpages.catalog.Pricing;
import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OpenRouterFormatTest {

  private static ParsedList list;

  @BeforeAll
  static void parseFixture() throws Exception {
    list = Fixtures.parse("openrouter", "openrouter-models.json", "openrouter");
  }

  @Test
  void keepsUsableEntriesInListOrder() {
    assertThat(list.models())
        .extracting(Listing::id)
        .containsExactly(
            "ai21/jamba-large-1.7",
            "anthropic/claude-sonnet-4.5",
            "google/gemma-3-4b-it:free",
            "openrouter/auto",
            "~anthropic/claude-haiku-latest",
            "openai/gpt-4o",
            "mistralai/null-priced-model",
            "qwen/odd-values",
            "meta-llama/absurd-context");
  }

  @Test
  void readsEveryFieldOfARealEntry() {
    Listing jamba = model(list, "ai21/jamba-large-1.7");
    assertThat(jamba.gatewayModelId()).isEqualTo("ai21/jamba-large-1.7");
    assertThat(jamba.canonicalSlug()).isEqualTo("ai21/jamba-large-1.7");
    assertThat(jamba.name()).isEqualTo("Jamba Large 1.7");
    assertThat(jamba.developer()).isEqualTo("ai21");
    assertThat(jamba.description()).startsWith("Jamba Large 1.7 is the latest model");
    assertThat(jamba.contextLength()).isEqualTo(256_000L);
    assertThat(jamba.maxCompletionTokens()).isEqualTo(4096L);
    assertThat(jamba.pricing()).isEqualTo(Pricing.perToken("0.000002", "0.000008"));
    assertThat(jamba.architecture()).isEqualTo(Architecture.TEXT);
    assertThat(jamba.supportedParameters()).contains("tools", "temperature").hasSize(7);
    assertThat(jamba.created()).isEqualTo(1_754_669_020L);
    assertThat(jamba.provider()).isNull();
    assertThat(jamba.huggingFaceId()).isEqualTo("ai21labs/AI21-Jamba-Large-1.7");
  }

  @Test
  void aHuggingFaceIdIsKeptOnlyWhenItIsAnOrgSlashNameRepo() throws Exception {
    String body =
        "[{\"id\":\"a/empty\",\"hugging_face_id\":\"\"},{\"id\":\"a/html\",\"hugging_face_id\":\"<b>x</b>/y\"},"
            + "{\"id\":\"a/deep\",\"hugging_face_id\":\"a/b/c\"},{\"id\":\"a/number\",\"hugging_face_id\":7},"
            + "{\"id\":\"a/long\",\"hugging_face_id\":\"o/"
            + "n".repeat(200)
            + "\"},"
            + "{\"id\":\"a/ok\",\"hugging_face_id\":\"Qwen/Qwen3-8B\"}]";
    ParsedList parsed = Fixtures.parseText("openrouter", body, "openrouter");

    assertThat(parsed.models())
        .extracting(Listing::huggingFaceId)
        .containsExactly(null, null, null, null, null, "Qwen/Qwen3-8B");
  }

  @Test
  void pricesAreExactPerTokenDecimals() {
    Pricing gpt4o = model(list, "openai/gpt-4o").pricing();
    assertThat(gpt4o.prompt()).isEqualByComparingTo(new BigDecimal("0.0000025"));
    assertThat(gpt4o.completion()).isEqualByComparingTo(new BigDecimal("0.00001"));
    assertThat(gpt4o.prompt().toPlainString()).isEqualTo("0.0000025");
  }

  @Test
  void keepsCanonicalSlugThatDiffersFromTheId() {
    Listing sonnet = model(list, "anthropic/claude-sonnet-4.5");
    assertThat(sonnet.canonicalSlug()).isEqualTo("anthropic/claude-4.5-sonnet-20250929");
    assertThat(sonnet.architecture().inputModalities()).containsExactly("text", "image", "file");
  }

  @Test
  void freeVariantKeepsItsSuffixAndZeroPrice() {
    Listing free = model(list, "google/gemma-3-4b-it:free");
    assertThat(free.canonicalSlug()).isEqualTo("google/gemma-3-4b-it");
    assertThat(free.name()).isEqualTo("Gemma 3 4B (free)");
    assertThat(free.pricing().isFree()).isTrue();
  }

  @Test
  void routerPriceMinusOneIsKeptAsVariable() {
    Pricing auto = model(list, "openrouter/auto").pricing();
    assertThat(auto.prompt()).isEqualByComparingTo(BigDecimal.ONE.negate());
    assertThat(auto.completion()).isEqualByComparingTo("-1");
    assertThat(auto.isVariable()).isTrue();
    assertThat(model(list, "openrouter/auto").maxCompletionTokens()).isNull();
  }

  @Test
  void tildeAliasKeepsItsIdAndDropsTheTildeFromTheDeveloper() {
    Listing haiku = model(list, "~anthropic/claude-haiku-latest");
    assertThat(haiku.developer()).isEqualTo("anthropic");
    assertThat(haiku.name()).isEqualTo("Anthropic Claude Haiku Latest");
  }

  @Test
  void nullPriceIsAnUnknownPartAndZeroContextIsUnknown() {
    Listing model = model(list, "mistralai/null-priced-model");
    assertThat(model.pricing().prompt()).isNull();
    assertThat(model.pricing().completion()).isEqualByComparingTo("0.000002");
    assertThat(model.contextLength()).isNull();
    assertThat(model.description()).isNull();
  }

  @Test
  void wrongTypedAndUnparseableFieldsReadAsAbsent() {
    Listing odd = model(list, "qwen/odd-values");
    assertThat(odd.name()).isEqualTo("NoPrefixName");
    assertThat(odd.canonicalSlug()).isNull();
    assertThat(odd.contextLength()).isNull();
    assertThat(odd.created()).isNull();
    assertThat(odd.pricing()).isEqualTo(Pricing.UNKNOWN);
    assertThat(odd.architecture()).isNull();
    assertThat(odd.supportedParameters()).isEmpty();
  }

  @Test
  void absurdContextFallsBackToTheTopProvider() {
    Listing model = model(list, "meta-llama/absurd-context");
    assertThat(model.contextLength()).isEqualTo(131_072L);
    assertThat(model.name()).isEqualTo("Absurd Context");
  }

  @Test
  void reportsOneLinePerSkippedEntry() {
    assertThat(list.skipped())
        .containsExactly(
            "skipped 'evil/<script>alert(1)</script>' from openrouter: id contains a character"
                + " that is not allowed at position 6",
            "skipped entry 11 from openrouter: a string where a model object belongs",
            "skipped 'ai21/jamba-large-1.7' from openrouter: duplicate id, the first entry is kept",
            "skipped an entry from openrouter: it has no id");
    assertThat(list.skippedCount()).isEqualTo(4);
  }

  @Test
  void duplicateKeepsTheFirstEntry() {
    assertThat(model(list, "ai21/jamba-large-1.7").name()).isEqualTo("Jamba Large 1.7");
  }

  @Test
  void acceptsABareArray() throws Exception {
    ParsedList bare =
        Fixtures.parseText(
            "openrouter",
            "[{\"id\":\"x-ai/grok-4\",\"name\":\"xAI: Grok"
                + " 4\",\"pricing\":{\"prompt\":\"0.000003\"}}]",
            "openrouter");
    assertThat(bare.models())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.name()).isEqualTo("Grok 4");
              assertThat(m.developer()).isEqualTo("x-ai");
              assertThat(m.pricing().completion()).isNull();
            });
  }

  @Test
  void truncatesLongNamesAndDescriptions() throws Exception {
    String json =
        "{\"data\":[{\"id\":\"a/b\",\"name\":\""
            + "n".repeat(300)
            + "\",\"description\":\""
            + "d".repeat(25_000)
            + "\"}]}";
    Listing model = Fixtures.parseText("openrouter", json, "openrouter").models().get(0);
    assertThat(model.name()).hasSize(Fields.MAX_NAME);
    assertThat(model.description()).hasSize(Fields.MAX_DESCRIPTION);
  }

  @Test
  void nameWithoutAFieldIsTheLastIdSegment() throws Exception {
    ParsedList parsed = Fixtures.parseText("openrouter", "[{\"id\":\"a/b-c\"}]", "openrouter");
    assertThat(parsed.models().get(0).name()).isEqualTo("b-c");
  }

  @Test
  void controlAndBidiCharactersAreStrippedAtIntake() throws Exception {
    String json =
        "{\"data\":[{\"id\":\"a/b\",\"name\":\"Evil: Ti\\u0000tle\\u202E gpj.exe\",\"description\":\"One\\u0085\\n\\u2067two\"}]}";
    Listing model = Fixtures.parseText("openrouter", json, "openrouter").models().get(0);

    assertThat(model.name()).isEqualTo("Title gpj.exe");
    assertThat(model.description()).isEqualTo("One\ntwo");
  }
}
