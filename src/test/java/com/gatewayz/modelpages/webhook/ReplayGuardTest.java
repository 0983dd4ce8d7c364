package com.gatewayz.modelpages.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ReplayGuardTest {

  private static final int THREADS = 16;

  private final MutableClock clock = MutableClock.atEpochSecond(1_700_000_000L);
  private final ReplayGuard guard = new ReplayGuard(clock);

  @Test
  void secondClaimIsReplay() {
    assertThat(guard.claim("msg_1")).isTrue();
    assertThat(guard.claim("msg_1")).isFalse();
    assertThat(guard.claim("msg_2")).isTrue();
  }

  @Test
  void remembersIdsForTenMinutes() {
    guard.claim("msg_1");

    clock.advance(Duration.ofMinutes(10).minusSeconds(1));
    assertThat(guard.claim("msg_1")).isFalse();

    clock.advance(Duration.ofSeconds(2));
    assertThat(guard.claim("msg_1")).isTrue();
    assertThat(guard.claim("msg_1")).isFalse();
  }

  @Test
  void releasedIdMayBeClaimedAgain() {
    guard.claim("msg_1");
    guard.release("msg_1");

    assertThat(guard.claim("msg_1")).isTrue();
    assertThat(guard.claim("msg_1")).isFalse();
  }

  @Test
  void releaseOfUnknownOrNullIdIsHarmless() {
    guard.release("never-claimed");
    guard.release(null);

    assertThat(guard.claim("never-claimed")).isTrue();
  }

  @Test
  void reclaimAfterReleaseIsNotForgottenWhenTheFirstClaimExpires() {
    guard.claim("msg_1");
    guard.release("msg_1");
    clock.advance(Duration.ofMinutes(5));
    guard.claim("msg_1");

    clock.advance(Duration.ofMinutes(6));
    guard.claim("msg_other");

    assertThat(guard.claim("msg_1")).isFalse();
  }

  @Test
  void nullAndBlankIdsAreNeverDuplicates() {
    assertThat(guard.claim(null)).isTrue();
    assertThat(guard.claim(null)).isTrue();
    assertThat(guard.claim("")).isTrue();
    assertThat(guard.claim("  ")).isTrue();
    assertThat(guard.claim("  ")).isTrue();
    assertThat(guard.size()).isZero();
  }

  @Test
  void dropsExpiredIdsLazily() {
    guard.claim("msg_1");
    guard.claim("msg_2");
    clock.advance(Duration.ofMinutes(11));

    guard.claim("msg_3");

    assertThat(guard.size()).isEqualTo(1);
  }

  @Test
  void evictsOldestWhenFull() {
    ReplayGuard small = new ReplayGuard(clock, Duration.ofMinutes(10), 3);
    small.claim("a");
    small.claim("b");
    small.claim("c");

    small.claim("d");

    assertThat(small.size()).isEqualTo(3);
    assertThat(small.claim("b")).isFalse();
    assertThat(small.claim("d")).isFalse();
    assertThat(small.claim("a")).isTrue();
  }

  @Test
  void holdsAtMostHundredThousandIds() {
    for (int i = 0; i <= ReplayGuard.MAX_IDS; i++) {
      assertThat(guard.claim("msg_" + i)).isTrue();
    }

    assertThat(guard.size()).isEqualTo(100_000);
    assertThat(guard.claim("msg_" + ReplayGuard.MAX_IDS)).isFalse();
    assertThat(guard.claim("msg_1")).isFalse();
    assertThat(guard.claim("msg_0")).isTrue();
  }

  @Test
  void repeatedReleaseDoesNotGrowMemory() {
    ReplayGuard small = new ReplayGuard(clock, Duration.ofMinutes(10), 3);
    for (int i = 0; i < 10; i++) {
      small.claim("msg_1");
      small.release("msg_1");
    }
    small.claim("msg_1");

    assertThat(small.size()).isEqualTo(1);
    assertThat(small.claim("msg_1")).isFalse();
  }

  @Test
  void concurrentClaimsOfOneIdSucceedOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      // Many rounds, because a single race is usually won by luck even without locking.
      for (int round = 0; round < 200; round++) {
        assertThat(successfulClaims(pool, "msg_contended_" + round)).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private int successfulClaims(ExecutorService pool, String id) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    Callable<Boolean> claim =
        () -> {
          start.await();
          return guard.claim(id);
        };
    List<Future<Boolean>> results = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      results.add(pool.submit(claim));
    }
    start.countDown();
    int successes = 0;
    for (Future<Boolean> result : results) {
      successes += result.get(10, TimeUnit.SECONDS) ? 1 : 0;
    }
    return successes;
  }
}
