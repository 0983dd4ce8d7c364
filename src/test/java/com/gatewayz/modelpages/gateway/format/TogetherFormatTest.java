package com.gatewayz.modelpages.gateway.format;

import static com.gatewayz.modelpages.gateway.format.Fixtures.model;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.gatewayz.modelpages.catalog.Listing;
import com.gatewayz.modelpages.catalog.Pricing;
import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TogetherFormatTest {

  private static ParsedList list;

  @BeforeAll
  static void parseFixture() throws Exception {
    list = Fixtures.parse("together", "together-models.json", "together");
  }

  @Test
  void keepsOnlyLanguageModelsAndKeepsIdCase() {
    assertThat(list.models())
        .extracting(Listing::id)
        .containsExactly(
            "meta-llama/Llama-3.3-70B-Instruct-Turbo",
            "deepseek-ai/DeepSeek-V3",
            "Qwen/Qwen2.5-72B-Instruct-Turbo",
            "mistralai/Mixtral-8x7B-Instruct-v0.1",
            "Qwen/Qwen2.5-Coder-32B-Instruct",
            "meta-llama/Llama-3.3-70B-Instruct-Turbo-Free",
            "google/gemma-2-27b-it",
            "arcee-ai/arcee-blitz",
            "mistralai/Mistral-7B-Instruct-v0.3");
  }

  @Test
  void dividesPerMillionPricesExactly() {
    Pricing llama = model(list, "meta-llama/Llama-3.3-70B-Instruct-Turbo").pricing();
    assertThat(llama.prompt()).isEqualByComparingTo(new BigDecimal("0.00000088"));
    assertThat(llama.completion()).isEqualByComparingTo(new BigDecimal("0.00000088"));
    assertThat(llama.prompt().toPlainString()).isEqualTo("0.00000088");
    assertThat(model(list, "deepseek-ai/DeepSeek-V3").pricing().prompt().toPlainString())
        .isEqualTo("0.00000125");
  }

  @Test
  void readsNameDeveloperContextAndCreated() {
    Listing qwen = model(list, "Qwen/Qwen2.5-72B-Instruct-Turbo");
    assertThat(qwen.gatewayModelId()).isEqualTo("Qwen/Qwen2.5-72B-Instruct-Turbo");
    assertThat(qwen.name()).isEqualTo("Qwen2.5 72B Instruct Turbo");
    assertThat(qwen.developer()).isEqualTo("qwen");
    assertThat(qwen.contextLength()).isEqualTo(32_768L);
    assertThat(qwen.created()).isEqualTo(1_733_961_600L);
    assertThat(qwen.maxCompletionTokens()).isNull();
  }

  @Test
  void zeroPricesAreFree() {
    assertThat(model(list, "meta-llama/Llama-3.3-70B-Instruct-Turbo-Free").pricing().isFree())
        .isTrue();
  }

  @Test
  void exponentPriceIsExactAndUnparseablePriceIsUnknown() {
    Listing blitz = model(list, "arcee-ai/arcee-blitz");
    assertThat(blitz.pricing().prompt()).isEqualByComparingTo("0.00000015");
    assertThat(blitz.pricing().prompt().toPlainString()).isEqualTo("0.00000015");
    assertThat(blitz.pricing().completion()).isNull();
    assertThat(blitz.gatewayModelId()).isEqualTo("arcee-blitz");
    assertThat(blitz.developer()).isEqualTo("arcee-ai");
  }

  @Test
  void wrongTypedPricingAndAbsurdContextAreUnknown() {
    Listing mistral = model(list, "mistralai/Mistral-7B-Instruct-v0.3");
    assertThat(mistral.pricing()).isEqualTo(Pricing.UNKNOWN);
    assertThat(mistral.contextLength()).isNull();
  }

  @Test
  void otherModelTypesAreIgnoredWithoutALineButWrongTypesAreReported() {
    assertThat(list.skipped())
        .containsExactly("skipped entry 14 from together: an array where a model object belongs");
    assertThat(list.skippedCount()).isEqualTo(1);
  }

  @Test
  void rejectsAnObjectAtTheTop() {
    assertThatThrownBy(() -> Fixtures.parseText("together", "{\"data\":[]}", "together"))
        .isInstanceOf(ListFormatException.class)
        .hasMessage("together's model list is an object, not an array.");
  }
}
