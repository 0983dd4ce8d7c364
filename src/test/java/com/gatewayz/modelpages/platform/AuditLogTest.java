package com.gatewayz.modelpages.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The audit log keeps the newest {@value AuditLog#CAPACITY} entries, newest first, from any thread.
 */
class AuditLogTest {

  private final MutableClock clock = MutableClock.atEpochSeconds(1_700_000_000L);
  private final AuditLog log = new AuditLog(clock);

  @Test
  void keepsTheNewestHundredNewestFirst() {
    for (int i = 0; i < 150; i++) {
      log.record("purge", "purged", "entry " + i);
      clock.advance(Duration.ofSeconds(1));
    }

    List<AuditLog.Entry> entries = log.entries();

    assertThat(entries).hasSize(AuditLog.CAPACITY);
    assertThat(entries.get(0).detail()).isEqualTo("entry 149");
    assertThat(entries.get(0).time()).isEqualTo(Instant.ofEpochSecond(1_700_000_149L));
    assertThat(entries.get(99).detail()).isEqualTo("entry 50");
  }

  @Test
  void entriesAreASnapshot() {
    log.record("webhook", "ok", "first");
    List<AuditLog.Entry> before = log.entries();

    log.record("webhook", "ok", "second");

    assertThat(before).extracting(AuditLog.Entry::detail).containsExactly("first");
  }

  @Test
  void detailsAreOneBoundedLine() {
    log.record("webhook", "invalid", "line one\nline two\u0000" + "x".repeat(1_000));
    log.record(null, null, null);

    AuditLog.Entry bounded = log.entries().get(1);
    assertThat(bounded.detail())
        .hasSize(AuditLog.MAX_DETAIL)
        .startsWith("line one line two x")
        .endsWith("…");
    assertThat(log.entries().get(0))
        .extracting(AuditLog.Entry::kind, AuditLog.Entry::detail)
        .containsExactly("", "");
  }

  @Test
  void concurrentRecordsFromEightThreadsAreAllCountedAndBounded() throws Exception {
    int threads = 8;
    int perThread = 500;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      String name = "t" + t;
      done.add(pool.submit(() -> record(start, name, perThread)));
    }
    start.countDown();
    for (Future<?> future : done) {
      future.get(30, TimeUnit.SECONDS);
    }
    pool.shutdown();

    List<AuditLog.Entry> entries = log.entries();
    assertThat(entries).hasSize(AuditLog.CAPACITY);
    Set<String> unique = new HashSet<>();
    entries.forEach(entry -> unique.add(entry.detail()));
    assertThat(unique).hasSize(AuditLog.CAPACITY);
    assertNewestFirstPerThread(entries);
  }

  private Void record(CountDownLatch start, String name, int count) throws InterruptedException {
    start.await();
    for (int i = 0; i < count; i++) {
      log.record("refresh", "ok", name + ":" + i);
    }
    return null;
  }

  // Each thread's own entries appear in the order it wrote them, newest first.
  private static void assertNewestFirstPerThread(List<AuditLog.Entry> entries) {
    java.util.Map<String, Integer> last = new java.util.HashMap<>();
    for (AuditLog.Entry entry : entries) {
      String[] parts = entry.detail().split(":");
      int sequence = Integer.parseInt(parts[1]);
      Integer previous = last.put(parts[0], sequence);
      assertThat(previous == null || previous > sequence).as(entry.detail()).isTrue();
    }
  }
}
