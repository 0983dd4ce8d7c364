package com.gatewayz.modelpages.isr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ClusterGuardTest {

  private static final Duration DETACH_AFTER = Duration.ofSeconds(3);

  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final ClusterGuard guard =
      new ClusterGuard("terracotta://test:1/x", DETACH_AFTER, nanos::get);

  private void advanceMillis(long millis) {
    nanos.addAndGet(Duration.ofMillis(millis).toNanos());
  }

  private static RuntimeException timedOut() {
    return new IllegalStateException("store failed", new TimeoutException("read timed out"));
  }

  @Test
  void slowCallsWithinTheDeadlineLeaveTheNodeAttached() {
    guard.attached();
    for (int probe = 0; probe < 5; probe++) {
      advanceMillis(500);
      guard.failed(timedOut());
      guard.checkDeadline();
      assertThat(guard.isAttached()).as("after %d slow probes", probe + 1).isTrue();
    }
  }

  @Test
  void noAnswerForTheWholeDeadlineDetachesAndALateAnswerDoesNotBringItBack() {
    guard.attached();
    long sent = nanos.get();
    advanceMillis(DETACH_AFTER.toMillis());

    assertThat(guard.isAttached()).isFalse();
    guard.answered(sent + 1);
    assertThat(guard.isAttached()).isFalse();
    assertThat(guard.isDetached()).isTrue();
    guard.attached();
    assertThat(guard.isAttached()).isTrue();
  }

  @Test
  void answersKeepTheNodeAttachedPastTheDeadline() {
    guard.attached();
    for (int probe = 0; probe < 20; probe++) {
      long sent = nanos.get();
      advanceMillis(400);
      guard.answered(sent);
    }

    assertThat(guard.isAttached()).isTrue();
  }

  @Test
  void aLostConnectionDetachesAtOnceButATimeoutDoesNot() {
    guard.attached();

    guard.failed(timedOut());
    assertThat(guard.isAttached()).isTrue();
    guard.failed(new IllegalStateException("Cluster tier manager disconnected"));
    assertThat(guard.isAttached()).isFalse();
  }

  @Test
  void callsTakeTheFallbackWhileDetachedAndWhenTheyFail() {
    guard.attached();
    assertThat(guard.call(() -> "cluster", () -> "fallback")).isEqualTo("cluster");
    assertThat(
            guard.<String>call(
                () -> {
                  throw timedOut();
                },
                () -> "fallback"))
        .isEqualTo("fallback");
    assertThat(guard.isAttached()).isTrue();

    guard.detach("test");

    assertThat(guard.call(() -> "cluster", () -> "fallback")).isEqualTo("fallback");
  }
}
