package com.gatewayz.modelpages.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.isr.EdgeKeys;
import com.gatewayz.modelpages.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox's durability: on disk when appended, replayed after a restart, emptied once delivered.
 */
class PurgeOutboxTest {

  private static final String A = "varnish http://127.0.0.1:6081";
  private static final String B = "fastly SERVICE";

  @TempDir Path dir;
  private final MutableClock clock = MutableClock.atEpochSeconds(1_700_000_000);

  private PurgeOutbox open(String... edges) {
    return PurgeOutbox.open(dir, List.of(edges), clock);
  }

  private List<String> journal() throws Exception {
    return Files.readAllLines(dir.resolve(PurgeOutbox.FILE), StandardCharsets.UTF_8);
  }

  private static List<List<String>> names(List<PurgeOutbox.Entry> entries) {
    return entries.stream().map(PurgeOutbox.Entry::names).toList();
  }

  @Test
  void aPurgeIsInTheJournalWhenAppendReturns() throws Exception {
    try (PurgeOutbox outbox = open(A)) {
      outbox.append(List.of("model:x", "path:/models/x"));

      assertThat(journal())
          .containsExactly(
              "{\"edge\":\"" + A + "\",\"done\":0}",
              "{\"seq\":1,\"at\":1700000000000,\"names\":[\"model:x\",\"path:/models/x\"]}");
    }
  }

  @Test
  void eachEdgeGetsEveryPurgeOnceAndTheJournalEmptiesWhenAllHaveThem() throws Exception {
    try (PurgeOutbox outbox = open(A, B)) {
      PurgeOutbox.Entry first = outbox.append(List.of("model:x"));
      PurgeOutbox.Entry second = outbox.append(List.of("model:y"));

      outbox.delivered(A, second.seq());
      assertThat(outbox.pending(A, 100)).isEmpty();
      assertThat(names(outbox.pending(B, 100)))
          .containsExactly(List.of("model:x"), List.of("model:y"));

      outbox.delivered(B, first.seq());
      assertThat(names(outbox.pending(B, 100))).containsExactly(List.of("model:y"));
      outbox.delivered(B, second.seq());
      assertThat(outbox.size()).isZero();
      assertThat(Files.size(dir.resolve(PurgeOutbox.FILE))).isZero();
    }
  }

  @Test
  void aRestartLosesNoUndeliveredPurgeAndRepeatsNoDeliveredOne() {
    clock.advance(Duration.ofSeconds(5));
    try (PurgeOutbox outbox = open(A, B)) {
      PurgeOutbox.Entry first = outbox.append(List.of("model:x"));
      outbox.append(List.of("models:list"));
      outbox.delivered(A, first.seq());
    }

    try (PurgeOutbox reopened = open(A, B)) {
      assertThat(names(reopened.pending(A, 100))).containsExactly(List.of("models:list"));
      assertThat(names(reopened.pending(B, 100)))
          .containsExactly(List.of("model:x"), List.of("models:list"));
      assertThat(reopened.oldestPendingMillis(B)).hasValue(1_700_000_005_000L);
      PurgeOutbox.Entry next = reopened.append(List.of("model:z"));
      assertThat(next.seq()).isEqualTo(3);
    }
  }

  @Test
  void anEdgeAddedAfterARestartGetsWhatIsPendingAndARemovedOneHoldsNothingBack() {
    try (PurgeOutbox outbox = open(A)) {
      outbox.append(List.of("model:x"));
    }

    try (PurgeOutbox reopened = open(B)) {
      assertThat(names(reopened.pending(B, 100))).containsExactly(List.of("model:x"));
      reopened.delivered(B, 1);
      assertThat(reopened.size()).isZero();
    }
  }

  @Test
  void aLineTornByACrashIsSkipped() throws Exception {
    try (PurgeOutbox outbox = open(A)) {
      outbox.append(List.of("model:x"));
    }
    Files.writeString(
        dir.resolve(PurgeOutbox.FILE), "{\"seq\":2,\"at\":17000", StandardOpenOption.APPEND);

    try (PurgeOutbox reopened = open(A)) {
      assertThat(names(reopened.pending(A, 100))).containsExactly(List.of("model:x"));
      assertThat(journal()).doesNotContain("{\"seq\":2,\"at\":17000");
    }
  }

  @Test
  void aBatchTakesWholePurgesUpToTheNameLimitAndAtLeastOne() {
    try (PurgeOutbox outbox = open(A)) {
      outbox.append(List.of("a", "b", "c"));
      outbox.append(List.of("d", "e"));
      outbox.append(List.of("f"));

      assertThat(names(outbox.pending(A, 5)))
          .containsExactly(List.of("a", "b", "c"), List.of("d", "e"));
      assertThat(names(outbox.pending(A, 2))).containsExactly(List.of("a", "b", "c"));
    }
  }

  @Test
  void namesOfABatchAreDistinctAndEverythingWins() {
    PurgeOutbox.Entry x = new PurgeOutbox.Entry(1, 0, List.of("model:x", "models:list"));
    PurgeOutbox.Entry y = new PurgeOutbox.Entry(2, 0, List.of("model:y", "models:list"));
    PurgeOutbox.Entry all = new PurgeOutbox.Entry(3, 0, List.of(EdgeKeys.ALL));

    assertThat(PurgeOutbox.names(List.of(x, y)))
        .containsExactly("model:x", "models:list", "model:y");
    assertThat(PurgeOutbox.names(List.of(x, all, y))).containsExactly(EdgeKeys.ALL);
  }

  @Test
  void theJournalIsRewrittenWithWhatIsPendingOnceMostOfItIsSpent() throws Exception {
    try (PurgeOutbox outbox = PurgeOutbox.open(dir, List.of(A, B), clock, 10_000, 10)) {
      for (int i = 1; i <= 12; i++) {
        outbox.append(List.of("model:" + i));
        outbox.delivered(A, i);
      }
      int whileBIsAway = journal().size();
      outbox.delivered(B, 9);

      assertThat(whileBIsAway).isEqualTo(2 + 12 + 12); // no rewrite while the backlog is real
      assertThat(journal()).hasSize(2 + 3);
      assertThat(names(outbox.pending(B, 100))).hasSize(3);
    }
    try (PurgeOutbox reopened = open(A, B)) {
      assertThat(reopened.pending(A, 100)).isEmpty();
      assertThat(names(reopened.pending(B, 100)))
          .containsExactly(List.of("model:10"), List.of("model:11"), List.of("model:12"));
    }
  }

  @Test
  void tooManyPendingPurgesFoldIntoOnePurgeOfEverything() {
    try (PurgeOutbox outbox = PurgeOutbox.open(dir, List.of(A), clock, 3, 1_000)) {
      for (int i = 1; i <= 4; i++) {
        outbox.append(List.of("model:" + i));
      }

      assertThat(names(outbox.pending(A, 100))).containsExactly(List.of(EdgeKeys.ALL));
      assertThat(outbox.oldestPendingMillis(A)).hasValue(1_700_000_000_000L);
    }
    try (PurgeOutbox reopened = open(A)) {
      assertThat(names(reopened.pending(A, 100))).containsExactly(List.of(EdgeKeys.ALL));
    }
  }
}
