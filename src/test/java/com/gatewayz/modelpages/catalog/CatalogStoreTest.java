package com.gatewayz.modelpages.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.gatewayz.modelpages.testing.MutableClock;
import com.gatewayz.modelpages.testing.TestModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class CatalogStoreTest {

  @TempDir Path dataDir;
  @RegisterExtension final CatalogStores stores = new CatalogStores();

  static CatalogState withModels(CatalogState state, int from, int to, long time) {
    List<Listing> listings = new ArrayList<>();
    for (int i = from; i < to; i++) {
      listings.add(CatalogMergerTest.listing("x/m" + i, null, "0.000001", "0.000002"));
    }
    return CatalogUpdates.upsert(state, "g", listings, time).state();
  }

  private void saveSnapshotAndOneJournalLine() {
    CatalogStore store = stores.at(dataDir);
    CatalogState state = withModels(CatalogState.empty(), 0, 50, 1);
    store.save(state);
    store.save(withModels(state, 50, 51, 2));
  }

  @Test
  void aSavedStateLoadsBackEqualWithEntriesTombstonesRetiredModelsAndStatuses() {
    Model kept =
        TestModels.priced(
            "a/kept",
            "0.000001",
            "0.000002",
            new Offer("openrouter", Pricing.perToken("0.000001", "0.000002"), 8192L, 1024L));
    CatalogState state =
        CatalogState.seededFrom(List.of(kept))
            .withRetired(
                Map.of("b/gone", new RetiredModel("b/gone", "Gone", "b", 1_700_000_000_000L)))
            .withGatewayStatus("xai", new ReportedStatus("down", 1_700_000_000_000L));
    state = CatalogUpdates.remove(state, "openrouter", List.of("c/never-listed"), 5).state();
    state = state.withEntries("together", Map.of("d/dropped", SourceEntry.dropped(7)));

    stores.at(dataDir).save(state);
    CatalogState loaded = stores.at(dataDir).load().orElseThrow();

    assertThat(loaded).isEqualTo(state);
    assertThat(dataDir.resolve("catalog.json.tmp")).doesNotExist();
  }

  @Test
  void changesAreJournalledAsSmallAppendsAndReplayedOnLoad() throws Exception {
    CatalogStore store = stores.at(dataDir);
    CatalogState state = withModels(CatalogState.empty(), 0, 200, 1);
    store.save(state);
    long snapshot = Files.size(dataDir.resolve("catalog.json"));
    for (int i = 0; i < 5; i++) {
      state =
          CatalogUpdates.remove(
                  withModels(state, 200 + i, 201 + i, 10 + i), "g", List.of("x/m" + i), 20 + i)
              .state();
      store.save(state);
    }

    assertThat(Files.size(dataDir.resolve("catalog.json"))).isEqualTo(snapshot);
    assertThat(Files.readAllLines(dataDir.resolve("catalog.journal"))).hasSize(5);
    assertThat(Files.size(dataDir.resolve("catalog.journal"))).isLessThan(snapshot / 4);
    assertThat(stores.at(dataDir).load()).contains(state);
  }

  @Test
  void theJournalIsFoldedIntoANewSnapshotWhenItGrows() throws Exception {
    CatalogStore store = stores.at(dataDir);
    CatalogState state = withModels(CatalogState.empty(), 0, 2, 1);
    store.save(state);
    for (int i = 0; i < CatalogStore.MAX_JOURNAL_LINES + 1; i++) {
      state = withModels(state, 2 + i, 3 + i, 10 + i);
      store.save(state);
    }

    assertThat(Files.readAllLines(dataDir.resolve("catalog.journal")).size())
        .isLessThan(CatalogStore.MAX_JOURNAL_LINES);
    assertThat(stores.at(dataDir).load()).contains(state);
  }

  @Test
  void nothingStoredLoadsAsEmpty() {
    assertThat(stores.at(dataDir).load()).isEmpty();
  }

  @Test
  void anEntryThatCannotBeReadIsSkippedAndTheRestLoads() throws Exception {
    CatalogState state = withModels(CatalogState.empty(), 0, 3, 1);
    stores.at(dataDir).save(state);
    Path file = dataDir.resolve("catalog.json");
    Files.writeString(file, Files.readString(file).replace("\"id\":\"x/m1\"", "\"id\":\"bad id\""));

    CatalogState loaded = stores.at(dataDir).load().orElseThrow();

    assertThat(loaded.entriesOf("g")).containsOnlyKeys("x/m0", "x/m2");
  }

  @Test
  void anUnreadableSnapshotIsMovedAsideWithItsJournalAndLoadingStopsNamingIt() throws Exception {
    saveSnapshotAndOneJournalLine();
    Path file = dataDir.resolve("catalog.json");
    byte[] journal = Files.readAllBytes(dataDir.resolve("catalog.journal"));
    Files.writeString(file, "{\"format\":3,\"seq\":1,\"sources\":{\"g\":[");
    MutableClock clock = MutableClock.atEpochSeconds(1_800_000_000L);

    assertThatThrownBy(() -> new CatalogStore(dataDir, clock).load())
        .isInstanceOf(CatalogStoreException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("catalog.json.unreadable-20270115-080000");

    assertThat(file).doesNotExist();
    assertThat(dataDir.resolve("catalog.json.unreadable-20270115-080000"))
        .hasContent("{\"format\":3,\"seq\":1,\"sources\":{\"g\":[");
    assertThat(dataDir.resolve("catalog.journal.unreadable-20270115-080000"))
        .hasBinaryContent(journal);
    // Starting again is the operator's choice: then nothing is stored, and nothing was overwritten.
    assertThat(new CatalogStore(dataDir, clock).load()).isEmpty();
  }

  @Test
  void aSnapshotOfAnUnknownFormatIsUnreadable() throws Exception {
    Files.writeString(dataDir.resolve("catalog.json"), "{\"format\":99,\"sources\":{}}");

    assertThatThrownBy(() -> stores.at(dataDir).load())
        .isInstanceOf(CatalogStoreException.class)
        .hasMessageContaining("format: is not 2 or 3");
  }

  @Test
  void aJournalWithoutItsSnapshotStopsLoading() throws Exception {
    saveSnapshotAndOneJournalLine();
    Files.delete(dataDir.resolve("catalog.json"));

    assertThatThrownBy(() -> stores.at(dataDir).load())
        .isInstanceOf(CatalogStoreException.class)
        .hasMessageContaining("catalog.journal holds changes but");
  }
}
