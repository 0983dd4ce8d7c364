package com.gatewayz.modelpages.gateway.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ListFormatsTest {

  @Test
  void findsEachFormatByName() {
    assertThat(ListFormats.forName("openrouter")).isInstanceOf(OpenRouterFormat.class);
    assertThat(ListFormats.forName("openai")).isInstanceOf(OpenAiCompatibleFormat.class);
    assertThat(ListFormats.forName("together")).isInstanceOf(TogetherFormat.class);
    assertThat(ListFormats.forName("models-dev")).isInstanceOf(ModelsDevFormat.class);
  }

  @Test
  void unknownNameListsTheValidOnes() {
    assertThatThrownBy(() -> ListFormats.forName("anthropic"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "unknown list format 'anthropic'; valid formats: models-dev, openai, openrouter,"
                + " together");
    assertThatThrownBy(() -> ListFormats.forName(null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
