package com.gatewayz.modelpages.gateway.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What every format does with a body that is not a model list at all. */
class MalformedInputTest {

  @ParameterizedTest
  @ValueSource(strings = {"openrouter", "openai", "together", "models-dev"})
  void notJsonIsAShortListFormatException(String format) {
    String html = "<html><body>" + "Bad gateway ".repeat(2_000) + "</body></html>";
    assertThatThrownBy(() -> Fixtures.parseText(format, html, "groq"))
        .isInstanceOf(ListFormatException.class)
        .hasMessageStartingWith("groq's model list is not valid JSON")
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200).doesNotContain("Bad"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"openrouter", "openai", "together", "models-dev"})
  void topLevelStringIsAListFormatException(String format) {
    assertThatThrownBy(() -> Fixtures.parseText(format, "\"rate limited\"", "groq"))
        .isInstanceOf(ListFormatException.class)
        .hasMessageStartingWith("groq's model list is a string, not ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"openrouter", "openai", "together", "models-dev"})
  void emptyBodyIsAListFormatException(String format) {
    assertThatThrownBy(() -> Fixtures.parseText(format, "", "groq"))
        .isInstanceOf(ListFormatException.class)
        .hasMessageStartingWith("groq's model list");
  }

  @ParameterizedTest
  @ValueSource(strings = {"openrouter", "openai", "together", "models-dev"})
  void truncatedBodyIsAListFormatException(String format) {
    String truncated =
        format.equals("models-dev") ? "{\"a\":{\"models\":{" : "[{\"id\":\"a/b\"},{\"id";
    assertThatThrownBy(() -> Fixtures.parseText(format, truncated, "groq"))
        .isInstanceOf(ListFormatException.class)
        .hasMessageStartingWith("groq's model list is not valid JSON at line 1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"openrouter", "openai", "together"})
  void emptyListHasNoModels(String format) throws Exception {
    String empty = format.equals("openai") ? "{\"object\":\"list\",\"data\":[]}" : "[]";
    ParsedList parsed = Fixtures.parseText(format, empty, "groq");
    assertThat(parsed.models()).isEmpty();
    assertThat(parsed.skipped()).isEmpty();
    assertThat(parsed.skippedCount()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"{}", "{\"object\":\"list\"}", "{\"data\":{}}", "{\"data\":null}"})
  void objectWithoutADataArrayIsAListFormatException(String body) {
    assertThatThrownBy(() -> Fixtures.parseText("openai", body, "xai"))
        .isInstanceOf(ListFormatException.class)
        .hasMessageStartingWith("xai's model list ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"openrouter", "openai", "together", "models-dev"})
  void readFailureIsAnIOException(String format) {
    InputStream body =
        new GeneratedJsonStream(
            format.equals("models-dev") ? "{" : "[",
            1_000,
            i ->
                (format.equals("models-dev") ? "\"p" + i + "\":" : "")
                    + "{\"id\":\"a/b"
                    + i
                    + "\"}",
            format.equals("models-dev") ? "}" : "]",
            4_000);
    assertThatThrownBy(() -> ListFormats.forName(format).parse(body, "groq"))
        .isInstanceOf(IOException.class)
        .isNotInstanceOf(ListFormatException.class)
        .hasMessage("connection reset");
  }

  @ParameterizedTest
  @ValueSource(strings = {"openrouter", "openai", "together"})
  void capsSkippedLinesButCountsThemAll(String format) throws Exception {
    InputStream body = new GeneratedJsonStream("[", 60, i -> "{\"id\":\"bad id " + i + "\"}", "]");
    ParsedList parsed = ListFormats.forName(format).parse(body, "groq");
    assertThat(parsed.models()).isEmpty();
    assertThat(parsed.skipped()).hasSize(ParsedList.MAX_SKIPPED_LINES);
    assertThat(parsed.skippedCount()).isEqualTo(60);
  }

  @ParameterizedTest
  @ValueSource(strings = {"openrouter", "openai", "together"})
  void hostileValuesNeverEscapeAsRuntimeExceptions(String format) throws Exception {
    String body =
        "[null, true, 1e999999999, [[[]]], {}, {\"id\":5}, {\"id\":null},"
            + " {\"id\":\"a/b\",\"name\":7,\"created\":1e40,\"context_length\":1.5,"
            + "\"pricing\":[\"0.1\"],\"architecture\":{\"input_modalities\":[1,null,\"text\"]},"
            + "\"supported_parameters\":[{},\"tools\",\"tools\"],\"owned_by\":{},\"type\":9,"
            + "\"top_provider\":{\"max_completion_tokens\":\"many\"}}]";
    ParsedList parsed = Fixtures.parseText(format, body, "groq");
    assertThat(parsed.skippedCount()).isEqualTo(7);
    // Together reads a non-string type as a non-language model and leaves it out.
    assertThat(parsed.models()).hasSize(format.equals("together") ? 0 : 1);
  }

  @Test
  void modelsDevSurvivesWrongTypesInside() throws Exception {
    String body = "{\"p\":{\"models\":[1]}, \"q\":{\"models\":{\"m\":null}}, \"r\":[{}]}";
    ParsedList parsed = Fixtures.parseText("models-dev", body, "models-dev");
    assertThat(parsed.models()).isEmpty();
    assertThat(parsed.skipped())
        .containsExactly(
            "skipped provider 'p' from models-dev: it has no models object",
            "skipped 'm' from models-dev provider q: null where a model object belongs",
            "skipped provider 'r' from models-dev: an array where an object belongs");
  }

  @Test
  void modelsDevRejectsAnInvalidProviderId() throws Exception {
    String body = "{\"bad provider\":{\"models\":{\"m\":{}}}, \"ok\":{\"models\":{\"m\":{}}}}";
    ParsedList parsed = Fixtures.parseText("models-dev", body, "models-dev");
    assertThat(parsed.models()).extracting(m -> m.id()).containsExactly("ok/m");
    assertThat(parsed.skipped())
        .containsExactly(
            "skipped provider 'bad provider' from models-dev: not a valid provider id");
  }
}
