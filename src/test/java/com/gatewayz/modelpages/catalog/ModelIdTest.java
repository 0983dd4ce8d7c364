package com.gatewayz.modelpages.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelIdTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "anthropic/claude-opus-4.5",
        "~anthropic/claude-haiku-latest",
        "meta-llama/llama-3.1-8b-instruct:free",
        "meta-llama/Llama-3.3-70B-Instruct-Turbo",
        "accounts/fireworks/models/deepseek-v3",
        "llama-3.3-70b-versatile",
        "openai/gpt-4o@2024-08-06",
        "qwen/qwen2.5+vl",
        "a"
      })
  void realOddIdsAreValid(String id) {
    assertThat(ModelId.problem(id)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "/leading",
        "trailing/",
        "double//slash",
        "dot/./segment",
        "dotdot/../segment",
        "..",
        "space in/id",
        "script/<script>",
        "quote/a\"b",
        "percent/%2e%2e",
        "unicode/é",
        "newline/a\nb",
        "back\\slash"
      })
  void malformedIdsAreRejected(String id) {
    assertThat(ModelId.problem(id)).isPresent();
  }

  @Test
  void lengthsAreBounded() {
    String segment128 = "a".repeat(128);
    assertThat(ModelId.isValid(segment128)).isTrue();
    assertThat(ModelId.problem("a".repeat(129)))
        .hasValueSatisfying(p -> assertThat(p).contains("128"));
    assertThat(ModelId.isValid(segment128 + "/" + "b".repeat(127))).isTrue();
    assertThat(ModelId.problem(segment128 + "/" + segment128))
        .hasValueSatisfying(p -> assertThat(p).contains("256"));
  }

  @Test
  void pagePathsKeepSlashesAndCase() {
    assertThat(ModelId.pagePath("meta-llama/llama-3.1-8b-instruct:free"))
        .isEqualTo("/models/meta-llama/llama-3.1-8b-instruct:free");
    assertThat(ModelId.pagePath("~anthropic/Claude+x@y"))
        .isEqualTo("/models/~anthropic/Claude+x@y");
  }
}
