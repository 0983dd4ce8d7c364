package com.gatewayz.modelpages.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotReaderTest {

  @TempDir Path dir;

  @Test
  void aLargeStoredCatalogReadsBackEntryByEntryAsItWasWritten() throws Exception {
    CatalogState state =
        new GeneratedCatalog(5)
            .state(5_000)
            .withRetired(Map.of("gone/model", new RetiredModel("gone/model", "Gone", "gone", 42)))
            .withGatewayStatus("groq", new ReportedStatus("degraded", 7))
            .withCanonicalIds(Map.of("together/x-1", "org-1/x-1"));
    SnapshotFile file = new SnapshotFile(dir.resolve(CatalogStore.FILE));
    file.write(state, 9);

    SnapshotFile.Snapshot read = file.read();

    assertThat(read.state()).isEqualTo(state);
    assertThat(read.state().sources().get("together").keySet())
        .containsExactlyElementsOf(state.sources().get("together").keySet());
    assertThat(read.seq()).isEqualTo(9);
    assertThat(read.legacy()).isFalse();
  }

  @Test
  void anUnreadableEntryIsSkippedAndTheRestLoads() throws Exception {
    Path path = dir.resolve(CatalogStore.FILE);
    Files.writeString(
        path,
        "{\"format\":3,\"seq\":1,\"sources\":{\"groq\":[{\"id\":\"a/b\",\"applied_at\":1,\"misses\":0,"
            + "\"removed\":false,\"listing\":{\"id\":\"../x\"}},{\"id\":\"c/d\",\"applied_at\":2,"
            + "\"misses\":0,\"removed\":false,\"listing\":null}]},\"retired\":[],\"gateway_status\":{}}");

    SnapshotFile.Snapshot read = new SnapshotFile(path).read();

    assertThat(read.state().entriesOf("groq")).containsOnlyKeys("c/d");
  }

  @Test
  void aSnapshotThatIsNotUtf8OrNotACatalogFailsNamingTheFile() throws Exception {
    Path path = dir.resolve(CatalogStore.FILE);
    Files.write(path, new byte[] {'{', '"', (byte) 0xC3, '"', ':', '1', '}'});
    assertThatThrownBy(() -> new SnapshotFile(path).read()).hasMessageContaining("not UTF-8");

    Files.writeString(path, "{\"format\":3,\"seq\":1}", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> new SnapshotFile(path).read()).hasMessageContaining("sources");

    Files.writeString(path, "[1,2]", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> new SnapshotFile(path).read())
        .isInstanceOf(InvalidModelException.class);
  }
}
