package com.gatewayz.modelpages.isr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.gatewayz.modelpages.testing.ManualExecutor;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Renders that hang: replaced after their deadline on the clock, queued ones taken over by a
 * request, counted as stuck. Hung renders wait on latches released at the end of each test.
 */
class StuckRenderTest {

  private static final long DEADLINE_MILLIS = 10_000;

  private final ManualExecutor background = new ManualExecutor();
  private final IsrFixture fixture =
      IsrFixture.withRenderDeadline(background, 30_000, DEADLINE_MILLIS, 2);
  private final ExecutorService requests = Executors.newFixedThreadPool(4);
  private final List<CountDownLatch> hung = new ArrayList<>();

  @AfterEach
  void close() {
    hung.forEach(CountDownLatch::countDown);
    requests.shutdownNow();
    fixture.close();
  }

  private Regenerator regenerator() {
    return fixture.isr.regenerator();
  }

  private void hangNextRender() {
    CountDownLatch latch = new CountDownLatch(1);
    hung.add(latch);
    fixture.renderer.hangNext.add(latch);
  }

  private Future<CachedPage> request(String key) {
    return requests.submit(() -> regenerator().renderNow(key));
  }

  private void pastTheDeadline() {
    fixture.clock.advance(Duration.ofMillis(DEADLINE_MILLIS + 1));
  }

  @Test
  void aRenderHungPastItsDeadlineIsReplacedByTheNextRequestAndCountedAsStuck() throws Exception {
    SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    IsrMetrics.bind(fixture.isr, metrics);
    hangNextRender();
    Future<CachedPage> first = request("/p/a");
    assertThat(fixture.renderer.entered.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(fixture.isr.stuckRenders()).isZero();
    fixture.renderer.versions.put("a", 2);
    pastTheDeadline();

    CachedPage second = regenerator().renderNow("/p/a");

    assertThat(second.bodyText()).contains("a v2");
    assertThat(fixture.renderer.rendersOf("/p/a")).isEqualTo(2);
    assertThat(fixture.isr.stuckRenders()).isEqualTo(1);
    assertThat(metrics.get("modelpages.render.stuck").gauge().value()).isEqualTo(1);
    assertThat(metrics.get("modelpages.render.replaced").functionCounter().count()).isEqualTo(1);

    hung.get(0).countDown();
    // Its own caller gets the late render; the cache keeps the newer one.
    assertThat(first.get(10, TimeUnit.SECONDS).bodyText()).contains("a v1");
    assertThat(fixture.cache().lookup("/p/a").page().bodyText()).contains("a v2");
    assertThat(fixture.isr.stuckRenders()).isZero();
  }

  @Test
  void aWaiterReplacesTheRenderItWaitsForOnceThatPassesItsDeadline() throws Exception {
    hangNextRender();
    request("/p/a");
    assertThat(fixture.renderer.entered.await(10, TimeUnit.SECONDS)).isTrue();
    Future<CachedPage> waiter = request("/p/a");
    await().atMost(Duration.ofSeconds(20)).until(() -> IsrFilterTest.threadsAwaitingARender() == 1);

    pastTheDeadline();

    assertThat(waiter.get(20, TimeUnit.SECONDS).bodyText()).contains("a v1");
    assertThat(fixture.renderer.rendersOf("/p/a")).isEqualTo(2);
  }

  @Test
  void aRequestRendersAQueuedBackgroundFlightItselfInsteadOfWaitingBehindTheQueue()
      throws Exception {
    assertThat(regenerator().revalidateLater("/p/a", Revalidation.TAG)).isTrue();
    hangNextRender();

    Future<CachedPage> taker = request("/p/a");
    assertThat(fixture.renderer.entered.await(10, TimeUnit.SECONDS)).isTrue();
    Future<CachedPage> waiter = request("/p/a");
    await().atMost(Duration.ofSeconds(20)).until(() -> IsrFilterTest.threadsAwaitingARender() == 1);
    hung.get(0).countDown();

    assertThat(taker.get(10, TimeUnit.SECONDS).bodyText()).contains("a v1");
    assertThat(waiter.get(10, TimeUnit.SECONDS).bodyText()).contains("a v1");
    assertThat(background.runAll()).isEqualTo(1);
    assertThat(fixture.renderer.rendersOf("/p/a")).isEqualTo(1);
    assertThat(fixture.state("/p/a")).isEqualTo(Lookup.State.FRESH);
  }

  @Test
  void aStuckBackgroundRenderIsReplacedByTheNextRevalidation() throws Exception {
    assertThat(regenerator().revalidateLater("/p/a", Revalidation.TIME)).isTrue();
    hangNextRender();
    requests.submit(background::runAll);
    assertThat(fixture.renderer.entered.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(regenerator().revalidateLater("/p/a", Revalidation.TIME)).isFalse();

    pastTheDeadline();

    assertThat(regenerator().revalidateLater("/p/a", Revalidation.TIME)).isTrue();
    assertThat(fixture.isr.stuckRenders()).isEqualTo(1);
    background.runAll();
    assertThat(fixture.state("/p/a")).isEqualTo(Lookup.State.FRESH);
  }

  @Test
  void pastTheCapOnStuckRendersARequestIsRefusedAtOnceInsteadOfWaiting() throws Exception {
    for (int stuck = 1; stuck <= 3; stuck++) {
      hangNextRender();
      request("/p/a");
      int started = stuck;
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> fixture.renderer.rendersOf("/p/a") == started);
      pastTheDeadline();
    }
    // Two replaced renders hang (the cap) and the third is past its deadline.
    assertThat(fixture.isr.stuckRenders()).isEqualTo(3);

    assertThatThrownBy(() -> regenerator().renderNow("/p/a"))
        .isInstanceOf(RenderFailedException.class)
        .hasMessageContaining("stuck renders already hang");
    assertThat(fixture.renderer.rendersOf("/p/a")).isEqualTo(3);
  }
}
