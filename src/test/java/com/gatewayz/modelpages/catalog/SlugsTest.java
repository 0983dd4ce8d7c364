package com.gatewayz.modelpages.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.testing.TestModels;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlugsTest {

  @Test
  void anAliasIsTheLastSegmentLowerCasedWithRunsOfOtherCharactersAsOneDash() {
    assertThat(Slugs.alias("anthropic/claude-opus-4.5")).isEqualTo("claude-opus-4-5");
    assertThat(Slugs.alias("meta-llama/llama-3.1-8b-instruct:free"))
        .isEqualTo("llama-3-1-8b-instruct-free");
    assertThat(Slugs.alias("~anthropic/claude-haiku-latest")).isEqualTo("claude-haiku-latest");
    assertThat(Slugs.alias("meta-llama/Llama-3.3-70B-Instruct-Turbo"))
        .isEqualTo("llama-3-3-70b-instruct-turbo");
    assertThat(Slugs.alias("x/__odd..name__")).isEqualTo("odd-name");
    assertThat(Slugs.alias("x/...")).isEmpty();
  }

  @Test
  void developerSlugsComeFromOwnerNames() {
    assertThat(Slugs.developer("Meta")).isEqualTo("meta");
    assertThat(Slugs.developer("Mistral AI")).isEqualTo("mistral-ai");
    assertThat(Slugs.developer("Alibaba Cloud")).isEqualTo("alibaba-cloud");
  }

  @Test
  void anAliasSharedByTwoModelsResolvesToNeither() {
    Catalog catalog =
        Catalog.of(
            List.of(
                TestModels.model("openai/gpt-4o"),
                TestModels.model("azure/gpt-4o"),
                TestModels.model("anthropic/claude-opus-4.5")));

    assertThat(catalog.uniqueAlias("gpt-4o")).isEmpty();
    assertThat(catalog.uniqueAlias("claude-opus-4-5")).contains("anthropic/claude-opus-4.5");
    assertThat(catalog.uniqueAlias("nothing")).isEmpty();
  }
}
