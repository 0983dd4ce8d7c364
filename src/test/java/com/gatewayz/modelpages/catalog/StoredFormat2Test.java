package com.gatewayz.modelpages.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.platform.JsonSupport;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files written by the previous version (format 2, commit 85868dc): {@code written-by-format-2/}
 * was produced by that code's own CatalogService and CatalogStore from a models.dev list with a
 * release date in 3024 and a name with U+202E and NUL (snapshot), then a webhook model, an
 * OpenRouter listing created in the year 5138, a webhook removal and a status change (journal).
 * That version could not load them again ({@code created} past its year-3000 bound) and started
 * from the curated catalog; this one loads every change and rewrites them in the current format.
 */
class StoredFormat2Test {

  @TempDir Path dataDir;

  @BeforeEach
  void copyFixture() throws IOException {
    for (String name : List.of("catalog.json", "catalog.journal")) {
      try (InputStream in = getClass().getResourceAsStream("written-by-format-2/" + name)) {
        Files.copy(in, dataDir.resolve(name));
      }
    }
  }

  private CatalogState load() {
    try (CatalogStore store = new CatalogStore(dataDir)) {
      return store.load().orElseThrow();
    }
  }

  @Test
  void everyStoredChangeLoadsWithTheBoundsAndCleaningOfToday() {
    CatalogState state = load();

    Listing farFuture = state.entriesOf("models-dev").get("io.net/llama-far").listing();
    assertThat(farFuture.created()).isNull();
    assertThat(farFuture.name()).isEqualTo("Llama raF");
    assertThat(farFuture.developer()).isEqualTo("io-net");
    assertThat(state.entriesOf("vercel-ai-gateway").get("openai/gpt-4o-far").listing().created())
        .isNull();
    Listing grok = state.entriesOf("xai").get("xai/grok-3").listing();
    assertThat(grok.name()).isEqualTo("Grok 3");
    assertThat(grok.description()).isEqualTo("Line one\nline two");
    assertThat(state.entriesOf("openrouter").get("openai/gpt-4o").removed()).isTrue();
    assertThat(state.retired()).containsOnlyKeys("openai/gpt-4o");
    assertThat(state.gatewayStatus()).containsEntry("xai", new ReportedStatus("degraded", 0));
    assertThat(new CatalogMerger(Map.of(), List.of()).merge(state)).hasSize(33);
  }

  @Test
  void theyAreRewrittenInTheCurrentFormatAndLoadAgainUnchanged() throws Exception {
    CatalogState first = load();

    String snapshot = Files.readString(dataDir.resolve("catalog.json"));
    try (var reader = JsonSupport.JSON.createReader(new StringReader(snapshot))) {
      assertThat(reader.readObject().getInt("format")).isEqualTo(CatalogStateJson.FORMAT);
    }
    assertThat(dataDir.resolve("catalog.journal")).isEmptyFile();
    assertThat(load()).isEqualTo(first);
  }

  @Test
  void aChangeTheOldWriterGluedToATornLineIsRecovered() throws Exception {
    CatalogState expected = load();
    copyFixtureAgain();
    Path journal = dataDir.resolve("catalog.journal");
    List<String> lines = Files.readAllLines(journal, StandardCharsets.UTF_8);
    // The old writer appended after a line torn by a crash (here inside "é").
    byte[] torn =
        "{\"put\":{\"xai\":[{\"id\":\"xai/torn\",\"name\":\"Mod\u00e9"
            .getBytes(StandardCharsets.UTF_8);
    byte[] glued =
        CatalogJournalTest.concat(
            (lines.get(0) + "\n").getBytes(StandardCharsets.UTF_8),
            CatalogJournalTest.concat(
                java.util.Arrays.copyOf(torn, torn.length - 1),
                (String.join("\n", lines.subList(1, lines.size())) + "\n")
                    .getBytes(StandardCharsets.UTF_8)));
    Files.write(journal, glued);

    assertThat(load()).isEqualTo(expected);
  }

  private void copyFixtureAgain() throws IOException {
    Files.delete(dataDir.resolve("catalog.json"));
    Files.delete(dataDir.resolve("catalog.journal"));
    copyFixture();
  }
}
