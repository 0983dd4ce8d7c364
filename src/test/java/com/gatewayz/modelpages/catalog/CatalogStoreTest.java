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

  private static CatalogState withModels(CatalogState state, int from, int to, long time) {
    List<Listing> listings = new java.util.ArrayList<>();
    for (int i = from; i < to; i++) {
      listings.add(CatalogMergerTest.listing("x/m" + i, null, "0.000001", "0.000002"));
    }
    return CatalogUpdates.upsert(state, "g", listings, time).state();
  }

  @Test
  void changesAreJournalledAsSmallAppendsAndReplayedOnLoad() throws Exception {
    CatalogStore store = new CatalogStore(dataDir);
    CatalogState state = withModels(CatalogState.empty(), 0, 200, 1);
    store.save(state);
    long snapshot = Files.size(dataDir.resolve("catalog.json"));
    for (int i = 0; i < 5; i++) {
      state = CatalogUpdates.remove(withModels(state, 200 + i, 201 + i, 10 + i), "g", List.of("x/m" + i), 20 + i).state();
      store.save(state);
    }

    assertThat(Files.size(dataDir.resolve("catalog.json"))).isEqualTo(snapshot);
    assertThat(Files.readAllLines(dataDir.resolve("catalog.journal"))).hasSize(5);
    assertThat(Files.size(dataDir.resolve("catalog.journal"))).isLessThan(snapshot / 4);
    assertThat(new CatalogStore(dataDir).load()).contains(state);
  }

  @Test
  void aTornLastJournalLineIsIgnored() throws Exception {
    CatalogStore store = new CatalogStore(dataDir);
    CatalogState first = withModels(CatalogState.empty(), 0, 3, 1);
    store.save(first);
    CatalogState second = withModels(first, 3, 4, 2);
    store.save(second);
    Files.writeString(dataDir.resolve("catalog.journal"), "{\"put\":{\"g\":[{\"id\":", java.nio.file.StandardOpenOption.APPEND);

    assertThat(new CatalogStore(dataDir).load()).contains(second);
  }

  @Test
  void theJournalIsFoldedIntoANewSnapshotWhenItGrows() throws Exception {
    CatalogStore store = new CatalogStore(dataDir);
    CatalogState state = withModels(CatalogState.empty(), 0, 2, 1);
    store.save(state);
    for (int i = 0; i < CatalogStore.MAX_JOURNAL_LINES + 1; i++) {
      state = withModels(state, 2 + i, 3 + i, 10 + i);
      store.save(state);
    }

    assertThat(Files.readAllLines(dataDir.resolve("catalog.journal")).size()).isLessThan(CatalogStore.MAX_JOURNAL_LINES);
    assertThat(new CatalogStore(dataDir).load()).contains(state);
  }

  @Test
  void journalLinesLeftBehindAFreshSnapshotReplayToTheSameState() throws Exception {
    CatalogStore store = new CatalogStore(dataDir);
    CatalogState first = withModels(CatalogState.empty(), 0, 3, 1);
    store.save(first);
    CatalogState second = CatalogUpdates.remove(withModels(first, 3, 5, 2), "g", List.of("x/m0"), 3).state();
    store.save(second);
    String journal = Files.readString(dataDir.resolve("catalog.journal"));

    // A crash after the new snapshot's rename, before the journal was emptied.
    Files.write(dataDir.resolve("catalog.json"), CatalogStore.toBytes(second));
    Files.writeString(dataDir.resolve("catalog.journal"), journal);

    assertThat(new CatalogStore(dataDir).load()).contains(second);
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
