package com.gatewayz.modelpages.webhook;

import static com.gatewayz.modelpages.webhook.Events.bytes;
import static com.gatewayz.modelpages.webhook.Events.envelope;
import static com.gatewayz.modelpages.webhook.Events.event;
import static com.gatewayz.modelpages.webhook.Events.model;
import static com.gatewayz.modelpages.webhook.Events.problem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every bad body rejects the whole event with a message naming the field. */
class WebhookEventRejectionTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "-1 | timestamp: must not be negative",
        "\"1700000000\" | timestamp: must be a number of epoch seconds or milliseconds",
        "true | timestamp: must be a number of epoch seconds or milliseconds",
        "1e300 | timestamp: is more than 1 hour ahead of the server clock",
        "99999999999 | timestamp: is more than 1 hour ahead of the server clock",
        "1700003600001 | timestamp: is more than 1 hour ahead of the server clock"
      })
  void absurdTimestampsAreRejected(String timestamp, String message) {
    assertThat(
            problem("{\"gateway\":\"xai\",\"event_type\":\"x\",\"timestamp\":" + timestamp + "}"))
        .isEqualTo(message);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"event_type\":\"models.added\"} | gateway: is required",
        "{\"gateway\":7,\"event_type\":\"models.added\"} | gateway: must be a string",
        "{\"gateway\":\"x_ai\",\"event_type\":\"models.added\"} | gateway: must be a gateway id or"
            + " alias such as \"openrouter\"",
        "{\"gateway\":\"../x\",\"event_type\":\"models.added\"} | gateway: must be a gateway id or"
            + " alias such as \"openrouter\"",
        "{\"gateway\":\"hugg\",\"event_type\":\"models.added\"} | gateway: unknown gateway 'hugg';"
            + " known: openrouter, groq, together, xai, huggingface",
        "{\"gateway\":\"xai\"} | event_type: is required",
        "{\"gateway\":\"xai\",\"event_type\":[]} | event_type: must be a string",
        "{\"gateway\":\"xai\",\"event_type\":\"a\\n"
            + "b\"} | event_type: must be 1 to 64 of A-Z a-z 0-9 . _ : / -",
        "{\"gateway\":\"xai\",\"event_type\":\"models.added\"} | models: is required",
        "{\"gateway\":\"xai\",\"event_type\":\"models.added\",\"models\":{}} | models: must be an"
            + " array",
        "{\"gateway\":\"xai\",\"event_type\":\"models.removed\",\"models\":\"a/b\"} | models: must"
            + " be an array",
        "{\"gateway\":\"xai\",\"event_type\":\"models.added\",\"models\":[\"a/b\"]} | models[0]:"
            + " must be an object",
        "{\"gateway\":\"xai\",\"event_type\":\"models.added\",\"models\":[{}]} | models[0].id: is"
            + " required",
        "{\"gateway\":\"xai\",\"event_type\":\"models.added\",\"models\":[{\"id\":5}]} |"
            + " models[0].id: must be a string",
        "{\"gateway\":\"xai\",\"event_type\":\"models.removed\",\"models\":[7]} | models[0]: must"
            + " be an object",
        "{\"gateway\":\"xai\",\"event_type\":\"gateway.status_changed\"} | status: is required",
        "{\"gateway\":\"xai\",\"event_type\":\"gateway.status_changed\",\"status\":\"\"} | status:"
            + " must be 1 to 64 of A-Z a-z 0-9 . _ - (such as \"down\")"
      })
  void wrongTypesAndMissingFieldsAreNamed(String body, String message) {
    assertThat(problem(body)).isEqualTo(message);
  }

  @Test
  void aBadFieldDeepInTheBatchIsNamedWithItsIndex() {
    byte[] body =
        event(
            "models.added",
            "xai",
            null,
            model("a/ok"),
            model("a/fine"),
            Json.createObjectBuilder(model("a/b"))
                .add("pricing", Json.createObjectBuilder().add("prompt", "cheap"))
                .build());

    assertThat(problem(body))
        .isEqualTo("models[2].pricing.prompt: must be a decimal number such as \"0.000003\"");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "../etc | has a '..' segment",
        "<script> | contains a character that is not allowed at position 1",
        "xai/gr<k | contains a character that is not allowed at position 7",
        "a//b | has an empty segment",
        "/a | has an empty segment",
        "a b | contains a character that is not allowed at position 2"
      })
  void hostileIdsAreRejectedInEveryEventType(String id, String why) {
    assertThat(problem(event("models.added", "xai", null, model("x/ok"), model(id))))
        .isEqualTo("models[1].id: " + why);
    assertThat(
            problem(
                event(
                    "models.removed", "xai", null, Json.createValue("x/ok"), Json.createValue(id))))
        .isEqualTo("models[1]: " + why);
    assertThat(problem(event("models.removed", "xai", null, model(id))))
        .isEqualTo("models[0].id: " + why);
  }

  @Test
  void overlongIdsAreRejected() {
    String id = "a".repeat(300);

    assertThat(problem(event("models.added", "xai", null, model(id))))
        .startsWith("models[0].id: is longer than");
    assertThat(problem(event("models.removed", "xai", null, Json.createValue(id))))
        .isEqualTo("models[0]: is longer than 256 characters");
  }

  @Test
  void aRepeatedIdRejectsTheEvent() {
    assertThat(
            problem(event("models.added", "xai", null, model("a/x"), model("a/y"), model("a/x"))))
        .isEqualTo("models[2].id: repeats the id of models[0]");
    assertThat(problem(event("models.removed", "xai", null, Json.createValue("a/x"), model("a/x"))))
        .isEqualTo("models[1].id: repeats the id of models[0]");
  }

  @Test
  void moreThanTenThousandModelsAreRejected() {
    JsonArrayBuilder ids = Json.createArrayBuilder();
    for (int i = 0; i <= WebhookEvent.MAX_MODELS; i++) {
      ids.add("m/" + i);
    }
    byte[] body = bytes(envelope("models.removed", "xai", null).add("models", ids).build());

    assertThat(problem(body)).isEqualTo("models: has more than 10000 items");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "{",
        "{\"gateway\":\"xai\",}",
        "{\"gateway\":\"xai\"} trailing",
        "{\"gateway\":\"xai\"}{}",
        "[1,2]",
        "\"just a string\"",
        "nul",
        "{'gateway':'xai'}"
      })
  void invalidJsonIsRejectedBriefly(String body) {
    String message = problem(body);

    assertThat(message).startsWith("invalid JSON: ").hasSizeLessThan(100).doesNotContain("xai");
  }

  @Test
  void invalidJsonMessagesNeverEchoTheInput() {
    String secretish = "{\"gateway\":\"" + "S3CR3T".repeat(50) + "\" oops";

    assertThat(problem(secretish))
        .isEqualTo("invalid JSON: syntax error at line 1, column 315")
        .doesNotContain("S3CR3T");
  }

  @Test
  void bodiesThatAreNotUtf8AreRejected() {
    byte[] latin1 = "{\"gateway\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);

    assertThat(problem(latin1)).isEqualTo("invalid JSON: the body is not UTF-8");
  }

  @Test
  void deeplyNestedJsonIsRejectedWithoutBlowingTheStack() {
    String deep = "{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";

    assertThat(problem(deep))
        .isEqualTo("invalid JSON: the body is nested too deeply or cannot be read");
  }

  @Test
  void hugeNumbersDoNotHangOrOverflow() {
    String body =
        "{\"gateway\":\"xai\",\"event_type\":\"x\",\"timestamp\":1" + "0".repeat(5000) + "}";

    assertThat(problem(body)).isEqualTo("invalid JSON: the body cannot be read");
  }
}
