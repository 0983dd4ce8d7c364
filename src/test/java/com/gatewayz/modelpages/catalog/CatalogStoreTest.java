package com.gatewayz.modelpages.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogStoreTest {

  @TempDir Path dataDir;

  @Test
  void aSavedStateLoadsBackEqualWithEntriesRetiredModelsAndStatuses() {
    Model kept =
        TestModels.priced(
            "a/kept", "0.000001", "0.000002", new Offer("openrouter", Pricing.perToken("0.000001", "0.000002"), 8192L, 1024L));
    CatalogState state =
        CatalogState.seededFrom(List.of(kept))
            .withRetired(Map.of("b/gone", new RetiredModel("b/gone", "Gone", "b", 1_700_000_000_000L)))
            .withGatewayStatus("xai", "down");
    state = CatalogUpdates.remove(state, "openrouter", List.of("c/never-listed"), 5).state();

    new CatalogStore(dataDir).save(state);
    CatalogState loaded = new CatalogStore(dataDir).load().orElseThrow();

    assertThat(loaded).isEqualTo(state);
    assertThat(dataDir.resolve("catalog.json.tmp")).doesNotExist();
  }

  @Test
  void nothingStoredOrAnUnreadableFileLoadsAsEmpty() throws Exception {
    assertThat(new CatalogStore(dataDir).load()).isEmpty();

    Files.writeString(dataDir.resolve("catalog.json"), "{\"format\":2,\"sources\":{\"x\":[{\"id\":\"bad id\",\"listing\":{\"id\":\"bad id\"}}]}}");
    assertThat(new CatalogStore(dataDir).load()).isEmpty();

    Files.writeString(dataDir.resolve("catalog.json"), "{truncated");
    assertThat(new CatalogStore(dataDir).load()).isEmpty();
  }
}
