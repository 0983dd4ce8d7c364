package com.gatewayz.modelpages.isr;

import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.testing.ManualExecutor;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A clean restart keeps pages and purges: nothing re-renders, nothing purged comes back. */
class PersistenceTest {

  @TempDir Path directory;

  @Test
  void pagesSurviveACleanRestartAndPurgesStayPurged() throws Exception {
    try (IsrFixture first = IsrFixture.persistent(directory, new ManualExecutor())) {
      first.isr.regenerator().renderNow("/p/kept");
      first.isr.regenerator().renderNow("/p/purged");
      first.isr.purge(List.of("t:purged"), List.of());
    }

    try (IsrFixture second = IsrFixture.persistent(directory, new ManualExecutor())) {
      assertThat(second.state("/p/kept")).isEqualTo(Lookup.State.FRESH);
      assertThat(second.cache().lookup("/p/kept").page().bodyText()).contains("kept v1");
      assertThat(second.state("/p/purged")).isEqualTo(Lookup.State.PURGED);
      assertThat(second.renderer.renders.get()).isZero();
      // The clock continues from where it stopped: a purge now still beats the old renders.
      second.isr.purge(List.of("t:kept"), List.of());
      assertThat(second.state("/p/kept")).isEqualTo(Lookup.State.PURGED);
    }
  }

  @Test
  void aPurgeOfEverythingSurvivesARestart() throws Exception {
    try (IsrFixture first = IsrFixture.persistent(directory, new ManualExecutor())) {
      first.isr.regenerator().renderNow("/p/a");
      first.isr.purgeAll();
    }

    try (IsrFixture second = IsrFixture.persistent(directory, new ManualExecutor())) {
      assertThat(second.state("/p/a")).isEqualTo(Lookup.State.PURGED);
    }
  }

  @Test
  void theDiskTierHoldsMorePagesThanTheHeapAndServesThemAfterARestart() throws Exception {
    try (IsrFixture first = IsrFixture.persistent(directory, new ManualExecutor())) {
      for (int i = 0; i < 500; i++) {
        first.isr.regenerator().renderNow("/p/page-" + i);
      }
      assertThat(first.isr.entryCount()).isEqualTo(500);
    }

    try (IsrFixture second = IsrFixture.persistent(directory, new ManualExecutor())) {
      assertThat(second.isr.entryCount()).isEqualTo(500);
      assertThat(second.cache().lookup("/p/page-7").page().bodyText()).contains("page-7 v1");
    }
  }

  // After a full disk Ehcache gives up writes but still marks a clean stop: its files then point
  // past their data, and reading them fails (seen: EOFException on every start, site down).
  @Test
  void aStoredCacheThatCannotBeReadIsDroppedAndTheCacheStartsEmpty() throws Exception {
    try (IsrFixture first = IsrFixture.persistent(directory, new ManualExecutor())) {
      first.isr.regenerator().renderNow("/p/purged");
      first.isr.purge(List.of("t:purged"), List.of());
    }
    truncateDataFiles(directory.resolve("cache"));

    try (IsrFixture second = IsrFixture.persistent(directory, new ManualExecutor())) {
      assertThat(second.isr.entryCount()).isZero();
      assertThat(second.state("/p/purged")).isNotEqualTo(Lookup.State.FRESH);
      second.isr.regenerator().renderNow("/p/new");
      assertThat(second.state("/p/new")).isEqualTo(Lookup.State.FRESH);
    }
  }

  private static void truncateDataFiles(Path cache) throws IOException {
    try (Stream<Path> files = Files.walk(cache)) {
      List<Path> data =
          files.filter(file -> file.getFileName().toString().endsWith(".data")).toList();
      assertThat(data).isNotEmpty();
      for (Path file : data) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
          channel.truncate(channel.size() / 2);
        }
      }
    }
  }
}
