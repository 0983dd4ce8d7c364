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
  void aSavedCatalogLoadsBackWithItsRetiredModels() {
    Model kept = TestModels.priced("a/kept", "0.000001", "0.000002");
    RetiredModel gone = new RetiredModel("b/gone", "Gone", "b", 1_700_000_000_000L);
    CatalogStore store = new CatalogStore(dataDir);

    store.save(Catalog.of(List.of(kept), Map.of(gone.id(), gone)));
    Catalog loaded = new CatalogStore(dataDir).load().orElseThrow();

    assertThat(loaded.models()).containsExactly(kept);
    assertThat(loaded.retired("b/gone")).contains(gone);
    assertThat(dataDir.resolve("catalog.json.tmp")).doesNotExist();
  }

  @Test
  void nothingStoredOrAnUnreadableFileLoadsAsEmpty() throws Exception {
    assertThat(new CatalogStore(dataDir).load()).isEmpty();

    Files.writeString(dataDir.resolve("catalog.json"), "{\"format\":1,\"models\":[{\"id\":\"bad id\"}]}");
    assertThat(new CatalogStore(dataDir).load()).isEmpty();

    Files.writeString(dataDir.resolve("catalog.json"), "{truncated");
    assertThat(new CatalogStore(dataDir).load()).isEmpty();
  }
}
