package com.gatewayz.modelpages.webhook;

import static com.gatewayz.modelpages.webhook.ReplayGuard.Claim.DONE;
import static com.gatewayz.modelpages.webhook.ReplayGuard.Claim.IN_FLIGHT;
import static com.gatewayz.modelpages.webhook.ReplayGuard.Claim.NEW;
import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.testing.MutableClock;
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

  private final MutableClock clock = MutableClock.atEpochSeconds(1_700_000_000L);
  private final ReplayGuard guard = new ReplayGuard(clock);

  /** Claims {@code id} and commits its delivery at once. */
  private static void commit(ReplayGuard guard, String id) {
    assertThat(guard.claim(id)).isEqualTo(NEW);
    guard.complete(id);
  }

  @Test
  void anIdIsInFlightUntilItsDeliveryIsCommittedThenADuplicate() {
    assertThat(guard.claim("msg_1")).isEqualTo(NEW);
    assertThat(guard.claim("msg_1")).isEqualTo(IN_FLIGHT);
    assertThat(guard.claim("msg_2")).isEqualTo(NEW);

    guard.complete("msg_1");

    assertThat(guard.claim("msg_1")).isEqualTo(DONE);
    assertThat(guard.claim("msg_2")).isEqualTo(IN_FLIGHT);
  }

  @Test
  void remembersADoneIdForTenMinutesFromItsCommit() {
    guard.claim("msg_1");
    clock.advance(Duration.ofMinutes(5));
    guard.complete("msg_1");

    clock.advance(Duration.ofMinutes(10).minusSeconds(1));
    assertThat(guard.claim("msg_1")).isEqualTo(DONE);

    clock.advance(Duration.ofSeconds(2));
    assertThat(guard.claim("msg_1")).isEqualTo(NEW);
    assertThat(guard.claim("msg_1")).isEqualTo(IN_FLIGHT);
  }

  @Test
  void anIdInFlightForTheWholeWindowIsForgotten() {
    guard.claim("msg_1");

    clock.advance(Duration.ofMinutes(10).minusSeconds(1));
    assertThat(guard.claim("msg_1")).isEqualTo(IN_FLIGHT);

    clock.advance(Duration.ofSeconds(2));
    assertThat(guard.claim("msg_1")).isEqualTo(NEW);
  }

  @Test
  void releasedIdMayBeClaimedAgain() {
    guard.claim("msg_1");
    guard.release("msg_1");

    assertThat(guard.claim("msg_1")).isEqualTo(NEW);
    assertThat(guard.claim("msg_1")).isEqualTo(IN_FLIGHT);
  }

  @Test
  void releaseOfUnknownOrNullIdIsHarmless() {
    guard.release("never-claimed");
    guard.release(null);

    assertThat(guard.claim("never-claimed")).isEqualTo(NEW);
  }

  @Test
  void reclaimAfterReleaseIsNotForgottenWhenTheFirstClaimExpires() {
    guard.claim("msg_1");
    guard.release("msg_1");
    clock.advance(Duration.ofMinutes(5));
    commit(guard, "msg_1");

    clock.advance(Duration.ofMinutes(6));
    guard.claim("msg_other");

    assertThat(guard.claim("msg_1")).isEqualTo(DONE);
  }

  @Test
  void nullAndBlankIdsAreNeverRemembered() {
    assertThat(guard.claim(null)).isEqualTo(NEW);
    assertThat(guard.claim(null)).isEqualTo(NEW);
    guard.complete(null);
    assertThat(guard.claim("")).isEqualTo(NEW);
    assertThat(guard.claim("  ")).isEqualTo(NEW);
    guard.complete("  ");
    assertThat(guard.claim("  ")).isEqualTo(NEW);
    assertThat(guard.size()).isZero();
  }

  @Test
  void dropsExpiredIdsLazily() {
    commit(guard, "msg_1");
    guard.claim("msg_2");
    clock.advance(Duration.ofMinutes(11));

    guard.claim("msg_3");

    assertThat(guard.size()).isEqualTo(1);
  }

  @Test
  void evictsOldestWhenFull() {
    ReplayGuard small = new ReplayGuard(clock, Duration.ofMinutes(10), 3);
    commit(small, "a");
    commit(small, "b");
    commit(small, "c");

    commit(small, "d");

    assertThat(small.size()).isEqualTo(3);
    assertThat(small.claim("b")).isEqualTo(DONE);
    assertThat(small.claim("d")).isEqualTo(DONE);
    assertThat(small.claim("a")).isEqualTo(NEW);
  }

  @Test
  void aCommitMovesTheIdToTheNewEndOfTheQueue() {
    ReplayGuard small = new ReplayGuard(clock, Duration.ofMinutes(10), 3);
    small.claim("slow");
    commit(small, "b");
    small.complete("slow");
    commit(small, "c");

    commit(small, "d");

    assertThat(small.claim("slow")).isEqualTo(DONE);
    assertThat(small.claim("b")).isEqualTo(NEW);
  }

  @Test
  void holdsAtMostHundredThousandIds() {
    for (int i = 0; i <= ReplayGuard.MAX_IDS; i++) {
      commit(guard, "msg_" + i);
    }

    assertThat(guard.size()).isEqualTo(100_000);
    assertThat(guard.claim("msg_" + ReplayGuard.MAX_IDS)).isEqualTo(DONE);
    assertThat(guard.claim("msg_1")).isEqualTo(DONE);
    assertThat(guard.claim("msg_0")).isEqualTo(NEW);
  }

  @Test
  void repeatedReleaseDoesNotGrowMemory() {
    ReplayGuard small = new ReplayGuard(clock, Duration.ofMinutes(10), 3);
    for (int i = 0; i < 10; i++) {
      small.claim("msg_1");
      small.release("msg_1");
    }
    commit(small, "msg_1");

    assertThat(small.size()).isEqualTo(1);
    assertThat(small.claim("msg_1")).isEqualTo(DONE);
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
          return guard.claim(id) == NEW;
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
