package com.gatewayz.modelpages.isr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.gatewayz.modelpages.testing.ManualExecutor;
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

class RegeneratorTest {

  private final ManualExecutor background = new ManualExecutor();
  private final IsrFixture fixture = IsrFixture.inMemory(background);
  private final ExecutorService requests = Executors.newFixedThreadPool(100);

  @AfterEach
  void close() {
    requests.shutdownNow();
    fixture.close();
  }

  @Test
  void oneHundredConcurrentMissesCauseExactlyOneRender() throws Exception {
    fixture.renderer.hold = new CountDownLatch(1);
    List<Future<CachedPage>> results = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      results.add(requests.submit(() -> fixture.isr.regenerator().renderNow("/p/a")));
    }
    // Release the one render only once the 99 others are parked waiting for it.
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> IsrFilterTest.threadsAwaitingARender() == 99);
    fixture.renderer.hold.countDown();

    for (Future<CachedPage> result : results) {
      assertThat(result.get(10, TimeUnit.SECONDS).bodyText()).contains("a v1");
    }
    assertThat(fixture.renderer.rendersOf("/p/a")).isEqualTo(1);
    assertThat(fixture.isr.stats().renders()).isEqualTo(1);
  }

  @Test
  void manyStaleHitsStartOneBackgroundRender() throws Exception {
    for (int i = 0; i < 50; i++) {
      fixture.isr.regenerator().revalidateLater("/p/a", Revalidation.TIME);
    }

    assertThat(background.queuedCount()).isEqualTo(1);
    background.runAll();
    assertThat(fixture.renderer.rendersOf("/p/a")).isEqualTo(1);
    assertThat(fixture.state("/p/a")).isEqualTo(Lookup.State.FRESH);
  }

  @Test
  void aFailingBackgroundRenderBacksOffThirtySecondsThenDoubling() {
    fixture.renderer.failing.add("a");
    var regenerator = fixture.isr.regenerator();

    assertThat(regenerator.revalidateLater("/p/a", Revalidation.TIME)).isTrue();
    background.runAll();
    assertThat(regenerator.backoffRemaining("/p/a")).isEqualTo(30_000);
    assertThat(regenerator.revalidateLater("/p/a", Revalidation.TIME)).isFalse();

    fixture.clock.advance(Duration.ofSeconds(30));
    assertThat(regenerator.revalidateLater("/p/a", Revalidation.TIME)).isTrue();
    background.runAll();
    assertThat(regenerator.backoffRemaining("/p/a")).isEqualTo(60_000);

    fixture.renderer.failing.clear();
    fixture.clock.advance(Duration.ofSeconds(60));
    assertThat(regenerator.revalidateLater("/p/a", Revalidation.TIME)).isTrue();
    background.runAll();
    assertThat(regenerator.backoffRemaining("/p/a")).isZero();
  }

  @Test
  void theBackOffIsCappedAtTenMinutes() {
    fixture.renderer.failing.add("a");
    var regenerator = fixture.isr.regenerator();
    for (int i = 0; i < 8; i++) {
      regenerator.revalidateLater("/p/a", Revalidation.TIME);
      background.runAll();
      fixture.clock.advance(Duration.ofMillis(regenerator.backoffRemaining("/p/a")));
    }
    regenerator.revalidateLater("/p/a", Revalidation.TIME);
    background.runAll();

    assertThat(regenerator.backoffRemaining("/p/a")).isEqualTo(600_000);
  }

  @Test
  void aWaiterGivesUpAfterTheBoundedWait() throws Exception {
    try (IsrFixture quick = IsrFixture.withRenderWait(background, 200)) {
      quick.renderer.hold = new CountDownLatch(1);
      Future<CachedPage> leader = requests.submit(() -> quick.isr.regenerator().renderNow("/p/a"));
      assertThat(quick.renderer.entered.await(10, TimeUnit.SECONDS)).isTrue();

      Future<Throwable> waiter =
          requests.submit(
              () -> {
                try {
                  quick.isr.regenerator().renderNow("/p/a");
                  return null;
                } catch (RenderFailedException e) {
                  return e;
                }
              });

      assertThat(waiter.get(20, TimeUnit.SECONDS)).hasMessageContaining("waited 200 ms");
      quick.renderer.hold.countDown();
      assertThat(leader.get(10, TimeUnit.SECONDS).bodyText()).contains("a v1");
    }
  }

  @Test
  void purgedPopularPagesAreRenderedAgainInTheBackground() throws Exception {
    fixture.popularity.keys = List.of("/p/a", "/p/b");
    fixture.isr.prerenderNow();
    fixture.renderer.versions.put("a", 2);

    fixture.isr.purge(List.of("t:a"), List.of());
    background.runAll();

    assertThat(fixture.renderer.rendersOf("/p/a")).isEqualTo(2);
    assertThat(fixture.renderer.rendersOf("/p/b")).isEqualTo(1);
    assertThat(fixture.cache().lookup("/p/a").page().bodyText()).contains("a v2");
  }

  @Test
  void aBurstOfPurgesRanksThePopularPagesOnceAndAPageThatBecamePopularIsWarmedLater()
      throws Exception {
    fixture.popularity.keys = List.of("/p/a", "/p/b");
    fixture.isr.prerenderNow();
    background.runAll();
    long before = fixture.popularity.rankings.sum();

    for (int i = 0; i < 5; i++) {
      fixture.isr.purge(List.of("t:a"), List.of());
      background.runAll();
    }
    assertThat(fixture.popularity.rankings.sum() - before).as("rankings in the burst").isEqualTo(1);
    assertThat(fixture.renderer.rendersOf("/p/a")).as("a warmed after each purge").isEqualTo(6);

    // /p/c became popular and was rendered by a request; purged within the age, it is left to its
    // next request, and once the age passed the warm-up finds it.
    fixture.popularity.keys = List.of("/p/a", "/p/b", "/p/c");
    fixture.isr.serve(new PageKey("/p/c", true, false));
    fixture.isr.purge(List.of("t:c"), List.of());
    background.runAll();
    assertThat(fixture.renderer.rendersOf("/p/c")).isEqualTo(1);
    fixture.clock.advance(PopularWarmer.POPULAR_KEYS_MAX_AGE);
    fixture.isr.purge(List.of("t:c"), List.of());
    background.runAll();
    assertThat(fixture.renderer.rendersOf("/p/c")).isEqualTo(2);
  }
}
