package com.gatewayz.modelpages.catalog;

import static com.gatewayz.modelpages.catalog.CatalogMergerTest.listing;
import static com.gatewayz.modelpages.catalog.CatalogStoreTest.withModels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.gatewayz.modelpages.testing.ManualExecutor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal under crashes and failures: torn lines, damage, half-done snapshots, failed appends.
 */
class CatalogJournalTest {

  @TempDir Path dataDir;
  @RegisterExtension final CatalogStores stores = new CatalogStores();

  private Path journal() {
    return dataDir.resolve("catalog.journal");
  }

  private CatalogState load() {
    return stores.at(dataDir).load().orElseThrow();
  }

  private static Listing named(String id, String name) {
    return Listing.builder(id)
        .gatewayModelId(id)
        .name(name)
        .contextLength(8192L)
        .pricing(Pricing.perToken("0.000001", "0.000001"))
        .build();
  }

  @Test
  void replayingALineCopiesOnlyTheGatewaysItNames() throws Exception {
    CatalogState before = withModels(CatalogState.empty(), 0, 50, 1);
    before = CatalogUpdates.refresh(before, "other", List.of(named("o/kept", "Kept")), 1).state();
    CatalogState after =
        CatalogUpdates.upsert(before, "g", List.of(named("x/new", "New")), 5).state();
    after = CatalogUpdates.status(after, "other", "degraded", 6).state();

    CatalogState replayed =
        CatalogJournal.apply(before, CatalogJournal.delta(before, after, 2), "test line");

    assertThat(replayed).isEqualTo(after);
    assertThat(replayed.entriesOf("other")).isSameAs(before.entriesOf("other"));
  }

  @Test
  void replayingALineThatSetsEntriesSharesTheGatewaysOtherEntries() throws Exception {
    CatalogState before = withModels(CatalogState.empty(), 0, 5_000, 1);
    CatalogState after =
        CatalogUpdates.upsert(
                before, "g", List.of(named("x/m7", "Renamed"), named("x/new", "New")), 5)
            .state();

    CatalogState replayed =
        CatalogJournal.apply(before, CatalogJournal.delta(before, after, 2), "test line");

    assertThat(replayed).isEqualTo(after);
    assertThat(new ArrayList<>(replayed.entriesOf("g").keySet()))
        .isEqualTo(new ArrayList<>(after.entriesOf("g").keySet()));
    assertThat(replayed.entriesOf("g"))
        .isInstanceOfSatisfying(
            LayeredEntries.class,
            entries -> assertThat(entries.layerSize()).as("entries copied").isEqualTo(2));
  }

  private static List<Listing> listedIn(CatalogState state, String gateway) {
    List<Listing> listed = new ArrayList<>();
    state.entriesOf(gateway).values().forEach(entry -> listed.add(entry.listing()));
    return listed;
  }

  @Test
  void aRefreshThatListsMostEntriesAgainUnchangedIsAJournalLineOfTheirIdsNotASnapshot()
      throws Exception {
    CatalogStore store = stores.at(dataDir);
    CatalogState state = withModels(CatalogState.empty(), 0, 5_000, 1);
    store.save(state);
    long snapshotBytes = Files.size(dataDir.resolve("catalog.json"));
    List<Listing> listed = listedIn(state, "g");
    listed.set(7, named("x/m7", "Renamed"));

    state = CatalogUpdates.refresh(state, "g", listed, 2).state();
    store.save(state);

    assertThat(Files.size(journal())).as("journal line").isLessThan(snapshotBytes / 5);
    assertThat(Files.readString(journal())).contains("\"redated\"").contains("Renamed");
    assertThat(load()).isEqualTo(state);
    assertThat(load().entriesOf("g").get("x/m8").appliedAt()).isEqualTo(2);
  }

  @Test
  void aLineThatReDatesAndRemovesEntriesOfOneGatewayReplaysBoth() throws Exception {
    CatalogStore store = stores.at(dataDir);
    CatalogState state = withModels(CatalogState.empty(), 0, 300, 1);
    store.save(state);
    CatalogState refreshed = CatalogUpdates.refresh(state, "g", listedIn(state, "g"), 2).state();
    Map<String, SourceEntry> fewer = new LinkedHashMap<>(refreshed.entriesOf("g"));
    fewer.remove("x/m5");

    state = refreshed.withEntries("g", fewer);
    store.save(state);

    assertThat(Files.readString(journal())).contains("\"redated\"").contains("\"removed\"");
    assertThat(load()).isEqualTo(state);
    assertThat(new ArrayList<>(load().entriesOf("g").keySet()))
        .isEqualTo(new ArrayList<>(state.entriesOf("g").keySet()));
  }

  @Test
  void aLineThatReDatesAnEntryItDoesNotHoldIsDamaged() throws Exception {
    CatalogStore store = stores.at(dataDir);
    CatalogState state = withModels(CatalogState.empty(), 0, 50, 1);
    store.save(state);
    store.save(CatalogUpdates.refresh(state, "g", listedIn(state, "g"), 2).state());
    store.save(
        withModels(CatalogUpdates.refresh(state, "g", listedIn(state, "g"), 2).state(), 50, 51, 3));
    List<String> lines = Files.readAllLines(journal());
    lines.set(0, lines.get(0).replace("\"x/m3\"", "\"x/nobody\""));
    Files.write(journal(), (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(this::load)
        .isInstanceOf(CatalogStoreException.class)
        .hasMessageContaining(journal() + " line 1 is damaged")
        .hasMessageContaining("x/nobody");
  }

  @Test
  void aLineTornInsideAMultiByteCharacterIsCutOffAndLaterAppendsSurviveTheNextRestart()
      throws Exception {
    CatalogStore store = stores.at(dataDir);
    CatalogState first = withModels(CatalogState.empty(), 0, 50, 1);
    store.save(first);
    store.save(
        CatalogUpdates.upsert(first, "g", List.of(named("x/emoji", "Modèle 😀 漢字")), 5).state());
    byte[] bytes = Files.readAllBytes(journal());
    int emoji = indexOf(bytes, "😀".getBytes(StandardCharsets.UTF_8));
    Files.write(journal(), Arrays.copyOf(bytes, emoji + 2));

    CatalogStore restarted = stores.at(dataDir);
    assertThat(restarted.load()).contains(first);
    assertThat(journal()).isEmptyFile();

    CatalogState later = withModels(first, 50, 51, 6);
    restarted.save(later);
    assertThat(load()).isEqualTo(later);
  }

  @Test
  void aTornLastLineIsCutOffSoTheNextAcknowledgedChangeIsNotGluedToIt() throws Exception {
    CatalogStore store = stores.at(dataDir);
    CatalogState first = withModels(CatalogState.empty(), 0, 50, 1);
    store.save(first);
    CatalogState second = withModels(first, 50, 51, 2);
    store.save(second);
    long good = Files.size(journal());
    Files.writeString(journal(), "{\"seq\":3,\"put\":{\"g\":[{\"id\":", StandardOpenOption.APPEND);

    CatalogStore restarted = stores.at(dataDir);
    assertThat(restarted.load()).contains(second);
    assertThat(Files.size(journal())).isEqualTo(good);
    CatalogState third = withModels(second, 51, 52, 3);
    restarted.save(third);

    assertThat(load()).isEqualTo(third);
  }

  @Test
  void aDamagedLineThatIsNotTheLastStopsLoadingAndLeavesTheFilesAlone() throws Exception {
    CatalogStore store = stores.at(dataDir);
    CatalogState state = withModels(CatalogState.empty(), 0, 50, 1);
    store.save(state);
    for (int i = 0; i < 3; i++) {
      state = withModels(state, 50 + i, 51 + i, 2 + i);
      store.save(state);
    }
    List<String> lines = Files.readAllLines(journal());
    lines.set(1, lines.get(1).replace("{\"seq\"", "#\"seq\""));
    Files.write(journal(), (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    byte[] damaged = Files.readAllBytes(journal());

    assertThatThrownBy(this::load)
        .isInstanceOf(CatalogStoreException.class)
        .hasMessageContaining(journal() + " line 2 is damaged");
    assertThat(journal()).hasBinaryContent(damaged);
  }

  @Test
  void aCrashDuringASnapshotReplaysOnlyTheLinesNewerThanTheSnapshot() throws Exception {
    ManualExecutor snapshots = new ManualExecutor();
    CatalogStore store =
        new CatalogStore(dataDir, Clock.systemUTC(), JournalFile.Disk.REAL, snapshots);
    CatalogState state = withModels(CatalogState.empty(), 0, 50, 1);
    store.save(state);
    state =
        CatalogUpdates.upsert(
                state, "g", List.of(listing("x/m0", null, "0.000009", "0.000009")), 10)
            .state();
    store.save(state);
    state = CatalogUpdates.remove(state, "g", List.of("x/m1"), 11).state();
    store.save(state);
    // The journal is now larger than the snapshot: the snapshot as of this change is written off
    // the writer's path, and the next changes are appended meanwhile.
    state = withModels(state, 100, 300, 12);
    store.save(state);
    state =
        CatalogUpdates.upsert(
                state, "g", List.of(listing("x/m0", null, "0.000001", "0.000002")), 20)
            .state();
    store.save(state);
    byte[] linesBeforeSnapshot = Files.readAllBytes(journal());
    assertThat(snapshots.queuedCount()).as("snapshots being written").isEqualTo(1);
    assertThat(load()).as("a crash before the snapshot is in place").isEqualTo(state);

    state = withModels(state, 300, 301, 21);
    store.save(state);
    snapshots.runAll();
    assertThat(load()).as("a crash once it is in place, the journal whole").isEqualTo(state);
    assertThat(journal()).content().hasLineCount(5);

    state = withModels(state, 301, 302, 22);
    store.save(state);
    assertThat(journal())
        .as("the journal: the lines since the snapshot started")
        .content()
        .hasLineCount(3);
    byte[] linesAfterSnapshot = Files.readAllBytes(journal());
    assertThat(load()).isEqualTo(state);

    // As if an older journal had been left beside the new snapshot: its lines are skipped.
    Files.write(journal(), concat(linesBeforeSnapshot, linesAfterSnapshot));
    CatalogState loaded = load();
    assertThat(loaded).isEqualTo(state);
    assertThat(loaded.entriesOf("g").get("x/m0").listing().pricing().prompt())
        .isEqualByComparingTo("0.000001");
  }

  @Test
  void aChangeOfMostEntriesWaitsForTheSnapshotBeingWrittenSoTheNewestLandsLast() throws Exception {
    ManualExecutor snapshots = new ManualExecutor();
    CatalogStore store =
        new CatalogStore(dataDir, Clock.systemUTC(), JournalFile.Disk.REAL, snapshots);
    CatalogState state = withModels(CatalogState.empty(), 0, 50, 1);
    store.save(state);
    state = withModels(state, 100, 300, 2); // a journal line larger than the snapshot
    store.save(state);
    assertThat(snapshots.queuedCount()).isEqualTo(1);
    Thread writer =
        new Thread(
            () -> {
              CatalogState wide =
                  withModels(withModels(CatalogState.empty(), 0, 50, 1), 500, 2_100, 3);
              store.save(wide);
            });
    writer.start();
    await().atMost(Duration.ofSeconds(10)).until(() -> writer.getState() == Thread.State.WAITING);
    snapshots.runAll(); // the older snapshot lands first; then the wide change writes its own
    writer.join(10_000);

    assertThat(load().entriesOf("g")).containsKey("x/m2099").doesNotContainKey("x/m299");
    assertThat(journal()).isEmptyFile();
  }

  @Test
  void aJournalLineCarriesTheChangeNotTheCatalog() throws Exception {
    CatalogStore store = stores.at(dataDir);
    CatalogState state = withModels(CatalogState.empty(), 0, 5_000, 1);
    Map<String, RetiredModel> retired = new LinkedHashMap<>();
    for (int i = 0; i < 5_000; i++) {
      retired.put(
          "old/m" + i,
          new RetiredModel("old/m" + i, "Old model " + i, "old", 1_700_000_000_000L + i));
    }
    state = state.withRetired(retired);
    for (int i = 0; i < 30; i++) {
      state =
          state.withGatewayStatus(
              "gateway-" + i, new ReportedStatus("degraded", 1_700_000_000_000L));
    }
    store.save(state);

    state =
        CatalogUpdates.upsert(state, "g", List.of(listing("x/m7", null, "0.000005", "0.000005")), 2)
            .state();
    store.save(state);

    assertThat(Files.size(journal())).isLessThan(1_000);
    assertThat(Files.size(dataDir.resolve("catalog.json"))).isGreaterThan(1_000_000);
    assertThat(load()).isEqualTo(state);
  }

  @Test
  void aFailedAppendIsCutBackAndWhatFollowsLoads() throws Exception {
    FailingDisk disk = new FailingDisk();
    CatalogStore store = new CatalogStore(dataDir, Clock.systemUTC(), disk);
    CatalogState first = withModels(CatalogState.empty(), 0, 50, 1);
    store.save(first);
    store.save(withModels(first, 50, 51, 2));
    long before = Files.size(journal());

    disk.failNextWriteHalfway = true;
    CatalogState refused = withModels(first, 51, 52, 3);
    assertThatThrownBy(() -> store.save(refused)).isInstanceOf(UncheckedIOException.class);
    assertThat(Files.size(journal())).isEqualTo(before);

    CatalogState next = withModels(withModels(first, 50, 51, 2), 52, 53, 4);
    store.save(next);
    assertThat(load()).isEqualTo(next);
  }

  @Test
  void anAppendThatCannotBeCutBackMakesTheNextChangeASnapshot() throws Exception {
    FailingDisk disk = new FailingDisk();
    CatalogStore store = new CatalogStore(dataDir, Clock.systemUTC(), disk);
    CatalogState first = withModels(CatalogState.empty(), 0, 50, 1);
    store.save(first);
    disk.failNextWriteAfterWriting = true;
    disk.failTruncate = true;
    CatalogState refused = withModels(first, 50, 51, 2);
    assertThatThrownBy(() -> store.save(refused)).isInstanceOf(UncheckedIOException.class);
    assertThat(Files.readAllLines(journal())).hasSize(1);

    CatalogState next = withModels(first, 51, 52, 3);
    store.save(next);

    assertThat(journal()).isEmptyFile();
    assertThat(load()).isEqualTo(next);
  }

  /** Fails writes and truncations on demand. */
  private static final class FailingDisk implements JournalFile.Disk {
    boolean failNextWriteHalfway;
    boolean failNextWriteAfterWriting;
    boolean failTruncate;

    @Override
    public int write(FileChannel channel, ByteBuffer bytes, long position) throws IOException {
      if (failNextWriteHalfway) {
        failNextWriteHalfway = false;
        bytes.limit(bytes.position() + bytes.remaining() / 2);
        channel.write(bytes, position);
        throw new IOException("No space left on device");
      }
      int written = channel.write(bytes, position);
      if (failNextWriteAfterWriting) {
        failNextWriteAfterWriting = false;
        throw new IOException("Input/output error");
      }
      return written;
    }

    @Override
    public void truncate(FileChannel channel, long size) throws IOException {
      if (failTruncate) {
        throw new IOException("Input/output error");
      }
      channel.truncate(size);
    }
  }

  static int indexOf(byte[] bytes, byte[] part) {
    for (int i = 0; i + part.length <= bytes.length; i++) {
      if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
        return i;
      }
    }
    throw new AssertionError("not found");
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
