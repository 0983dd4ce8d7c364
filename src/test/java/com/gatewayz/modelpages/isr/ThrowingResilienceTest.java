package com.gatewayz.modelpages.isr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.ehcache.spi.resilience.StoreAccessException;
import org.junit.jupiter.api.Test;

/** A clustered call that failed is an exception, never "absent" or a write silently dropped. */
class ThrowingResilienceTest {

  private final ThrowingResilience<String, Long> resilience = new ThrowingResilience<>();
  private final StoreAccessException timedOut =
      new StoreAccessException(new TimeoutException("read timed out"));
  private final StoreAccessException lost =
      new StoreAccessException(new IllegalStateException("connection closed"));

  @Test
  void aFailedReadOrWriteThrowsInsteadOfAnsweringAbsentOrDroppingTheWrite() {
    assertThatThrownBy(() -> resilience.getFailure("k", timedOut))
        .isInstanceOf(ThrowingResilience.ClusterCallException.class);
    assertThatThrownBy(() -> resilience.putIfAbsentFailure("k", 1L, timedOut))
        .hasRootCauseInstanceOf(TimeoutException.class);
    assertThatThrownBy(() -> resilience.replaceFailure("k", 1L, 2L, lost))
        .hasMessageContaining("connection closed");
    assertThatThrownBy(() -> resilience.getAllFailure(List.of("k"), lost))
        .isInstanceOf(RuntimeException.class);
    assertThatThrownBy(() -> resilience.putAllFailure(Map.of("k", 1L), lost))
        .isInstanceOf(RuntimeException.class);
  }

  // The guard tells a slow call (a GC pause) from a lost connection through the exception's causes.
  @Test
  void theGuardSeesATimeoutThroughTheExceptionAndALostConnectionAsSuch() {
    Throwable slow = catchFailure(timedOut);
    Throwable gone = catchFailure(lost);

    assertThat(ClusterGuard.isTimeout(slow)).isTrue();
    assertThat(ClusterGuard.isTimeout(gone)).isFalse();
  }

  private Throwable catchFailure(StoreAccessException failure) {
    try {
      resilience.getFailure("k", failure);
    } catch (ThrowingResilience.ClusterCallException e) {
      return e;
    }
    throw new AssertionError("no exception");
  }
}
