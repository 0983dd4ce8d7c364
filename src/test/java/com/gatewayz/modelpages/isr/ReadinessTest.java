package com.gatewayz.modelpages.isr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.gatewayz.modelpages.testing.ManualExecutor;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Readiness needs pre-render successes, not attempts, and recovers by itself: failed pages are
 * retried in the background once their back-off passed on the clock.
 */
class ReadinessTest {

  private final ManualExecutor background = new ManualExecutor();
  private final IsrFixture fixture = IsrFixture.inMemory(background);

  @AfterEach
  void close() {
    fixture.close();
  }

  private Prerenderer prerenderer() {
    return fixture.isr.prerenderer();
  }

  private void fivePopularPages() {
    fixture.popularity.keys = List.of("/p/a", "/p/b", "/p/c", "/p/d", "/p/e");
  }

  private void retryAfter(Duration wait) {
    fixture.clock.advance(wait);
    prerenderer().retryIfDue();
    background.runAll();
  }

  @Test
  void whenEveryPrerenderFailsTheApplicationIsNotReadyAndSaysWhy() {
    fivePopularPages();
    fixture.renderer.failing.addAll(List.of("a", "b", "c", "d", "e"));

    fixture.isr.prerenderNow();

    Prerenderer.Readiness readiness = prerenderer().readiness();
    assertThat(readiness.ready()).isFalse();
    assertThat(readiness.reason())
        .startsWith("prerender: 5 of 5 pages failed (last: render of /p/e failed: ")
        .contains("render of e fails")
        .endsWith("; next retry in 30 s");
  }

  @Test
  void aMajorityOfSuccessesIsReadyAndTooFewIsNot() {
    fivePopularPages();
    fixture.renderer.failing.add("a");
    fixture.isr.prerenderNow();
    assertThat(prerenderer().readiness()).isEqualTo(new Prerenderer.Readiness(true, null));

    fixture.isr.purgeAll();
    fixture.renderer.failing.add("b");
    fixture.isr.prerenderNow();
    assertThat(prerenderer().readiness().reason()).startsWith("prerender: 2 of 5 pages failed");
  }

  @Test
  void failedPagesAreRetriedAfterTheirBackOffAndReadinessRecovers() {
    fivePopularPages();
    fixture.renderer.failing.addAll(List.of("a", "b"));
    fixture.isr.prerenderNow();

    retryAfter(Duration.ofSeconds(29));
    assertThat(fixture.renderer.rendersOf("/p/a")).isEqualTo(1);
    retryAfter(Duration.ofSeconds(1));
    assertThat(fixture.renderer.rendersOf("/p/a")).isEqualTo(2);
    assertThat(prerenderer().readiness().reason()).endsWith("next retry in 60 s");

    fixture.renderer.failing.clear();
    retryAfter(Duration.ofSeconds(60));

    assertThat(prerenderer().readiness().ready()).isTrue();
    assertThat(fixture.renderer.rendersOf("/p/c")).isEqualTo(1);
    assertThat(fixture.state("/p/a")).isEqualTo(Lookup.State.FRESH);
  }

  static Stream<Error> errors() {
    return Stream.of(
        new StackOverflowError(),
        new NoClassDefFoundError("com/example/Gone"),
        new OutOfMemoryError("test"));
  }

  @ParameterizedTest
  @MethodSource("errors")
  void anErrorInThePrerenderThreadLeavesItNotReadyWithTheReasonThenItRecovers(Error error) {
    fivePopularPages();
    fixture.renderer.throwing = error;

    fixture.isr.startPrerender(() -> {});
    await().atMost(Duration.ofSeconds(20)).until(prerenderer()::isFinished);

    assertThat(prerenderer().readiness().ready()).isFalse();
    assertThat(prerenderer().readiness().reason()).contains(error.getClass().getSimpleName());
    fixture.renderer.throwing = null;
    retryAfter(Duration.ofSeconds(30));
    assertThat(prerenderer().readiness().ready()).isTrue();
  }

  @Test
  void withNothingToPrerenderItIsReadyAtOnce() {
    fixture.isr.prerenderNow();

    assertThat(prerenderer().readiness().ready()).isTrue();
  }

  @Test
  void beforeThePassItIsNotReady() {
    assertThat(prerenderer().readiness())
        .isEqualTo(new Prerenderer.Readiness(false, "prerendering not started"));
  }
}
