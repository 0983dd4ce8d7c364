package com.gatewayz.modelpages.pages.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.testing.Http;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CodeSamplesTest {

  @Test
  void fillsInTheModelIdAndBaseUrl() {
    CodeSamples samples = CodeSamples.of("meta-llama/llama-3.3-70b-instruct:free");

    assertThat(samples.getCurl())
        .startsWith("curl https://api.gatewayz.ai/v1/chat/completions \\\n")
        .contains("\"model\": \"meta-llama/llama-3.3-70b-instruct:free\",");
    assertThat(samples.getPython())
        .contains("base_url=\"https://api.gatewayz.ai/v1\",")
        .contains("    model=\"meta-llama/llama-3.3-70b-instruct:free\",");
    assertThat(samples.getTypescript())
        .contains("baseURL: \"https://api.gatewayz.ai/v1\",")
        .contains("  model: \"meta-llama/llama-3.3-70b-instruct:free\",");
  }

  @Test
  void keepsEveryCharacterOfTheIdGrammarVerbatim() {
    String id = "~a.b_c-d:e~f@g+h/I.J";

    CodeSamples samples = CodeSamples.of(id);

    assertThat(samples.getPython()).contains("model=\"" + id + "\",");
    assertThat(samples.getTypescript()).contains("model: \"" + id + "\",");
    assertThat(curlBody(samples.getCurl()).getString("model")).isEqualTo(id);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"a\"b", "a\\b", "it's", "x'; rm -rf / #", "line\nbreak", "\u2028", "</script>"})
  void quotesOddIdsSafely(String id) {
    CodeSamples samples = CodeSamples.of(id);

    assertThat(curlBody(samples.getCurl()).getString("model")).isEqualTo(id);
    String literal = StringLiterals.doubleQuoted(id);
    assertThat(samples.getPython()).contains("model=" + literal + ",");
    assertThat(samples.getTypescript()).contains("model: " + literal + ",");
    JsonString parsed = (JsonString) Json.createReader(new StringReader(literal)).readValue();
    assertThat(parsed.getString()).isEqualTo(id);
  }

  @Test
  void escapesQuotesBackslashesAndControlCharacters() {
    assertThat(StringLiterals.doubleQuoted("a\"b\\c\nd\u2028"))
        .isEqualTo("\"a\\\"b\\\\c\\u000ad\\u2028\"");
    assertThat(StringLiterals.insideShellSingleQuotes("it's")).isEqualTo("it'\\''s");
  }

  @Test
  void listsTheThreeSamplesInTabOrder() {
    assertThat(CodeSamples.of("x/y").getAll())
        .extracting(CodeSample::getKey, CodeSample::getLabel)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("curl", "cURL"),
            org.assertj.core.groups.Tuple.tuple("python", "Python"),
            org.assertj.core.groups.Tuple.tuple("typescript", "TypeScript"));
  }

  /** The JSON body the shell passes to curl: the -d argument with the shell quoting undone. */
  private static JsonObject curlBody(String curl) {
    String quoted = curl.substring(curl.indexOf("-d '") + 4, curl.lastIndexOf('\''));
    String body = quoted.replace("'\\''", "'");
    return Http.json(body);
  }
}
