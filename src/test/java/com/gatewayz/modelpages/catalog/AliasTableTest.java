package com.gatewayz.modelpages.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AliasTableTest {

  @TempDir Path dir;

  private static AliasTable read(String json) {
    return AliasTable.read(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
  }

  @Test
  void theBundledTableLoadsAndKnowsTheIssuesNamespaces() {
    AliasTable table = AliasTable.bundled();

    assertThat(table.developer("meta")).isEqualTo("meta-llama");
    assertThat(table.developer("mistral-ai")).isEqualTo("mistralai");
    assertThat(table.developer("deepseek-ai")).isEqualTo("deepseek");
    assertThat(table.developer("zai-org")).isEqualTo("z-ai");
    assertThat(table.developer("unknown-org")).isEqualTo("unknown-org");
    assertThat(table.stripHost("accounts/fireworks/models/llama-v3p3-70b-instruct"))
        .isEqualTo("llama-v3p3-70b-instruct");
    assertThat(table.stripHost("HF:Qwen/Qwen3-8B")).isEqualTo("Qwen/Qwen3-8B");
    assertThat(table.mappedName("abacus", "llama-3.3-70b-versatile"))
        .isEqualTo("meta-llama/llama-3.3-70b-instruct");
  }

  @Test
  void aFileNamedBySettingReplacesTheBundledTable() throws Exception {
    Path file = dir.resolve("aliases.json");
    Files.writeString(file, "{\"developers\": {\"acme\": [\"acme-labs\"]}}");

    AliasTable table = AliasTable.load(Optional.of(file));

    assertThat(table.developer("acme-labs")).isEqualTo("acme");
    assertThat(table.developer("meta")).isEqualTo("meta");
    assertThatThrownBy(() -> AliasTable.load(Optional.of(dir.resolve("missing.json"))))
        .isInstanceOf(AliasTableException.class)
        .hasMessageContaining("missing.json");
  }

  @Test
  void everyMistakeIsNamedWithItsField() {
    assertThatThrownBy(() -> read("[]")).hasMessageContaining("expected a JSON object");
    assertThatThrownBy(() -> read("{\"developers\": {")).hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> read("{\"surprise\": 1}"))
        .hasMessageContaining("unknown field \"surprise\"");
    assertThatThrownBy(() -> read("{\"developers\": {\"Meta Llama\": []}}"))
        .hasMessageContaining("developers.Meta Llama");
    assertThatThrownBy(() -> read("{\"developers\": {\"a\": [\"x\"], \"b\": [\"x\"]}}"))
        .hasMessageContaining("\"x\" already belongs to \"a\"");
    assertThatThrownBy(() -> read("{\"names\": {\"x\": \"../etc/passwd\"}}"))
        .hasMessageContaining("names.x");
    assertThatThrownBy(
            () ->
                read(
                    "{\"sellers\": {\"s\": {\"rewrites\": [{\"pattern\": \"(\", \"replacement\": \"\"}]}}}"))
        .hasMessageContaining("sellers.s.rewrites[0].pattern");
    assertThatThrownBy(() -> read("{\"quantizations\": [\"fp-8\"]}"))
        .hasMessageContaining("quantizations");
    assertThatThrownBy(() -> read("{\"variants\": [\"" + "x".repeat(300) + "\"]}"))
        .hasMessageContaining("variants");
    assertThatThrownBy(() -> read("{\"sellers\": {\"s\": {\"suffixes\": {\"turbo\": 8}}}}"))
        .hasMessageContaining("sellers.s.suffixes.turbo");
  }
}
