package com.gatewayz.modelpages.isr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.gatewayz.modelpages.testing.ManualExecutor;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PageCacheTest {

  private final ManualExecutor background = new ManualExecutor();
  private final IsrFixture fixture = IsrFixture.inMemory(background);

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void aRenderedPageIsFreshThenStaleAfterTheRevalidatePeriod() throws Exception {
    fixture.isr.regenerator().renderNow("/p/a");

    assertThat(fixture.state("/p/a")).isEqualTo(Lookup.State.FRESH);
    fixture.clock.advance(Duration.ofSeconds(IsrFixture.REVALIDATE_SECONDS - 1));
    assertThat(fixture.state("/p/a")).isEqualTo(Lookup.State.FRESH);
    fixture.clock.advance(Duration.ofSeconds(1));
    assertThat(fixture.state("/p/a")).isEqualTo(Lookup.State.STALE);
  }

  @Test
  void aPurgeOfAnyOfItsTagsOrItsPathMakesTheEntryPurged() throws Exception {
    fixture.isr.regenerator().renderNow("/p/a");
    fixture.isr.regenerator().renderNow("/p/b");
    fixture.isr.regenerator().renderNow("/p/c");

    fixture.isr.purge(List.of("t:a"), List.of());
    fixture.isr.purge(List.of(), List.of("/p/b"));

    assertThat(fixture.state("/p/a")).isEqualTo(Lookup.State.PURGED);
    assertThat(fixture.state("/p/b")).isEqualTo(Lookup.State.PURGED);
    assertThat(fixture.state("/p/c")).isEqualTo(Lookup.State.FRESH);
  }

  @Test
  void a404LivesInTheNegativeCacheNotInThePageTiersAndExpiresWithItsTtl() throws Exception {
    fixture.renderer.statuses.put("gone", 404);

    CachedPage page = fixture.isr.regenerator().renderNow("/p/gone");

    assertThat(fixture.cache().store().get("/p/gone")).isNull();
    assertThat(page.maxAgeSeconds()).isEqualTo(60);
    assertThat(fixture.state("/p/gone")).isEqualTo(Lookup.State.NOT_FOUND);
    assertThat(fixture.isr.negativeCache().entries()).isEqualTo(1);
    assertThat(fixture.isr.negativeCache().hits()).isEqualTo(1);
    fixture.clock.advance(Duration.ofSeconds(59));
    assertThat(fixture.state("/p/gone")).isEqualTo(Lookup.State.NOT_FOUND);
    fixture.clock.advance(Duration.ofSeconds(1));
    assertThat(fixture.state("/p/gone")).isEqualTo(Lookup.State.ABSENT);
    assertThat(fixture.isr.negativeCache().entries()).isZero();
    assertThat(fixture.isr.entryCount()).isZero();
  }

  @Test
  void aPurgeOfItsTagEndsA404AtOnce() throws Exception {
    fixture.renderer.statuses.put("gone", 404);
    fixture.isr.regenerator().renderNow("/p/gone");

    fixture.isr.purge(List.of("t:gone"), List.of());

    assertThat(fixture.state("/p/gone")).isEqualTo(Lookup.State.ABSENT);
  }

  @Test
  void aPageThatBecomesA404LeavesThePageTiersAndComesBackWhenItExistsAgain() throws Exception {
    fixture.isr.regenerator().renderNow("/p/a");
    fixture.renderer.statuses.put("a", 404);
    fixture.isr.purge(List.of("t:a"), List.of());

    fixture.isr.regenerator().renderNow("/p/a");

    assertThat(fixture.cache().store().get("/p/a")).isNull();
    assertThat(fixture.state("/p/a")).isEqualTo(Lookup.State.NOT_FOUND);
    fixture.renderer.statuses.remove("a");
    fixture.isr.purge(List.of("t:a"), List.of());
    fixture.isr.regenerator().renderNow("/p/a");
    assertThat(fixture.state("/p/a")).isEqualTo(Lookup.State.FRESH);
    assertThat(fixture.isr.negativeCache().entries()).isZero();
  }

  @Test
  void theNegativeCacheHoldsAtMostItsBound() throws Exception {
    int keys = NegativeCache.MAX_ENTRIES + 500;
    for (int i = 0; i < keys; i++) {
      fixture.renderer.statuses.put("gone" + i, 404);
      fixture.isr.regenerator().renderNow("/p/gone" + i);
    }

    assertThat(fixture.isr.negativeCache().entries())
        .isBetween(1L, (long) NegativeCache.MAX_ENTRIES);
    assertThat(fixture.isr.negativeCache().maxEntries()).isEqualTo(NegativeCache.MAX_ENTRIES);
    assertThat(fixture.isr.entryCount()).isZero();
  }

  @Test
  void aFailedRenderIsNeverStored() {
    fixture.renderer.failing.add("a");
    fixture.renderer.statuses.put("b", 503);

    assertThatThrownBy(() -> fixture.isr.regenerator().renderNow("/p/a"))
        .isInstanceOf(RenderFailedException.class);
    assertThatThrownBy(() -> fixture.isr.regenerator().renderNow("/p/b"))
        .isInstanceOf(RenderFailedException.class);

    assertThat(fixture.state("/p/a")).isEqualTo(Lookup.State.ABSENT);
    assertThat(fixture.state("/p/b")).isEqualTo(Lookup.State.ABSENT);
    assertThat(fixture.isr.stats().renderErrors()).isEqualTo(2);
    assertThat(fixture.isr.stats().renders()).isEqualTo(2);
  }

  @Test
  void aRenderThatStartedBeforeAPurgeIsNeverReturnedOrServedAfterThePurgeReturned()
      throws Exception {
    fixture.renderer.hold = new CountDownLatch(1);
    CompletableFuture<CachedPage> render =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return fixture.isr.regenerator().renderNow("/p/a");
              } catch (RenderFailedException e) {
                throw new IllegalStateException(e);
              }
            });
    assertThat(fixture.renderer.entered.await(10, TimeUnit.SECONDS)).isTrue();

    // The data changes and is purged while the first render (which read v1) is held.
    fixture.renderer.versions.put("a", 2);
    fixture.isr.purge(List.of("t:a"), List.of());
    fixture.renderer.hold.countDown();
    CachedPage page = render.get(10, TimeUnit.SECONDS);

    assertThat(page.bodyText()).contains("a v2");
    assertThat(fixture.renderer.rendersOf("/p/a")).isEqualTo(2);
    Lookup lookup = fixture.cache().lookup("/p/a");
    assertThat(lookup.state()).isEqualTo(Lookup.State.FRESH);
    assertThat(lookup.page().bodyText()).contains("a v2");
  }

  @Test
  void anEntryStoredByARenderThatAPurgeOvertookIsInvalid() throws Exception {
    CachedPage old = fixture.isr.regenerator().renderNow("/p/a");

    fixture.isr.purge(List.of("all"), List.of());

    assertThat(fixture.cache().isValid(old)).isFalse();
  }

  @Test
  void prerenderedKeysCarryThePrerenderTag() throws Exception {
    fixture.popularity.keys = List.of("/p/a");
    fixture.isr.prerenderNow();

    CachedPage page = fixture.cache().lookup("/p/a").page();
    assertThat(page.tags()).contains("popular", "t:a", "all");
    fixture.isr.purge(List.of("popular"), List.of());
    assertThat(fixture.state("/p/a")).isEqualTo(Lookup.State.PURGED);
  }

  @Test
  void preRenderWaitsUntilTheServerFinishedStartingTheApplication() throws Exception {
    fixture.popularity.keys = List.of("/p/a");
    CountDownLatch waiting = new CountDownLatch(1);
    CountDownLatch started = new CountDownLatch(1);

    fixture.isr.startPrerender(
        () -> {
          waiting.countDown();
          awaitUninterruptibly(started);
        });

    assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(fixture.renderer.rendersOf("/p/a")).isZero();
    assertThat(fixture.isr.prerenderer().isFinished()).isFalse();
    started.countDown();
    await().atMost(Duration.ofSeconds(10)).until(() -> fixture.isr.prerenderer().isFinished());
    assertThat(fixture.renderer.rendersOf("/p/a")).isEqualTo(1);
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
