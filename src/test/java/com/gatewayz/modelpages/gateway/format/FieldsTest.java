package com.gatewayz.modelpages.gateway.format;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class FieldsTest {

  private static JsonObject json(String text) {
    try (var reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }

  @Test
  void tokensMustBePositiveWholeAndAtMostOneHundredMillion() {
    JsonObject o =
        json(
            "{\"a\":131072,\"b\":0,\"c\":-1,\"d\":100000001,\"e\":1.5,\"f\":\"8192\",\"g\":8192.0,"
                + "\"h\":100000000}");
    assertThat(Fields.tokens(o, "a")).isEqualTo(131_072L);
    assertThat(Fields.tokens(o, "b")).isNull();
    assertThat(Fields.tokens(o, "c")).isNull();
    assertThat(Fields.tokens(o, "d")).isNull();
    assertThat(Fields.tokens(o, "e")).isNull();
    assertThat(Fields.tokens(o, "f")).isNull();
    assertThat(Fields.tokens(o, "g")).isEqualTo(8192L);
    assertThat(Fields.tokens(o, "h")).isEqualTo(100_000_000L);
    assertThat(Fields.tokens(null, "a")).isNull();
  }

  @Test
  void epochSecondsRejectMilliseconds() {
    JsonObject o = json("{\"s\":1733447754,\"ms\":1733447754000}");
    assertThat(Fields.epochSeconds(o, "s")).isEqualTo(1_733_447_754L);
    assertThat(Fields.epochSeconds(o, "ms")).isNull();
  }

  @Test
  void truncateNeverSplitsASurrogatePair() {
    String text = "ab\uD83D\uDE00cd";
    assertThat(Fields.truncate(text, 3)).isEqualTo("ab");
    assertThat(Fields.truncate(text, 4)).isEqualTo("ab\uD83D\uDE00");
    assertThat(Fields.truncate(text, 10)).isSameAs(text);
  }

  @Test
  void stringListsAreDistinctBoundedStrings() {
    JsonObject o =
        json("{\"l\":[\"tools\",1,\"tools\",\" \",\"" + "x".repeat(65) + "\",\"seed\"]}");
    assertThat(Fields.strings(Fields.array(o, "l"))).containsExactly("tools", "seed");
  }

  @Test
  void idsHelpers() {
    assertThat(Ids.ownerSlug("Alibaba Cloud", "groq")).isEqualTo("alibaba-cloud");
    assertThat(Ids.ownerSlug("!!", "groq")).isEqualTo("groq");
    assertThat(Ids.quote("a\nb" + "c".repeat(100))).startsWith("'a?b").endsWith("…'").hasSize(83);
  }
}
