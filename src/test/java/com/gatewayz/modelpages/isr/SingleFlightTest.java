package com.gatewayz.modelpages.isr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.gatewayz.modelpages.testing.ManualExecutor;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every render of a key goes through one flight and one retry loop, whoever asks for it. */
class SingleFlightTest {

  private static final PageKey A = new PageKey("/p/a", true, false);

  private final ManualExecutor background = new ManualExecutor();
  private final IsrFixture fixture = IsrFixture.inMemory(background);

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void aPrerenderOfAPageALiveMissIsRenderingWaitsForThatRender() throws Exception {
    fixture.renderer.hold = new CountDownLatch(1);
    CompletableFuture<Served> miss = CompletableFuture.supplyAsync(() -> fixture.isr.serve(A));
    assertThat(fixture.renderer.entered.await(10, TimeUnit.SECONDS)).isTrue();
    fixture.popularity.keys = List.of("/p/a");

    CompletableFuture<Void> prerender = CompletableFuture.runAsync(fixture.isr::prerenderNow);
    // Parked on the miss's flight, or (the bug) inside a render of its own.
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                IsrFilterTest.threadsAwaitingARender() == 1
                    || fixture.renderer.rendersOf("/p/a") > 1);
    fixture.renderer.hold.countDown();
    prerender.get(10, TimeUnit.SECONDS);

    assertThat(miss.get(10, TimeUnit.SECONDS).state()).isEqualTo(Served.State.MISS);
    assertThat(fixture.renderer.rendersOf("/p/a")).isEqualTo(1);
    assertThat(fixture.isr.prerenderer().readiness().ready()).isTrue();
  }

  @Test
  void aMissThatEveryRenderIsOvertakenByAPurgeGivesUpAfterThreeRenders() throws Exception {
    for (int i = 0; i < 4; i++) {
      fixture.renderer.hangNext.add(new CountDownLatch(1));
    }
    List<CountDownLatch> hung = List.copyOf(fixture.renderer.hangNext);
    CompletableFuture<Served> miss = CompletableFuture.supplyAsync(() -> fixture.isr.serve(A));
    for (int render = 1; render <= Regenerator.MAX_ATTEMPTS; render++) {
      int started = render;
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> fixture.renderer.rendersOf("/p/a") == started);
      fixture.isr.purge(List.of("t:a"), List.of());
      hung.get(render - 1).countDown();
    }

    Served served = miss.get(20, TimeUnit.SECONDS);
    assertThat(served.state()).isEqualTo(Served.State.UNAVAILABLE);
    assertThat(served.uncached().status()).isEqualTo(503);
    assertThat(fixture.renderer.rendersOf("/p/a")).isEqualTo(Regenerator.MAX_ATTEMPTS);
    assertThat(fixture.isr.stats().misses()).isEqualTo(1);
  }
}
