package com.gatewayz.modelpages.isr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

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
    fixture.cache().renderAndStore("/p/a");

    assertThat(fixture.state("/p/a")).isEqualTo(Lookup.State.FRESH);
    fixture.clock.advance(Duration.ofSeconds(IsrFixture.REVALIDATE_SECONDS - 1));
    assertThat(fixture.state("/p/a")).isEqualTo(Lookup.State.FRESH);
    fixture.clock.advance(Duration.ofSeconds(1));
    assertThat(fixture.state("/p/a")).isEqualTo(Lookup.State.STALE);
  }

  @Test
  void aPurgeOfAnyOfItsTagsOrItsPathMakesTheEntryPurged() throws Exception {
    fixture.cache().renderAndStore("/p/a");
    fixture.cache().renderAndStore("/p/b");
    fixture.cache().renderAndStore("/p/c");

    fixture.isr.purge(List.of("t:a"), List.of());
    fixture.isr.purge(List.of(), List.of("/p/b"));

    assertThat(fixture.state("/p/a")).isEqualTo(Lookup.State.PURGED);
    assertThat(fixture.state("/p/b")).isEqualTo(Lookup.State.PURGED);
    assertThat(fixture.state("/p/c")).isEqualTo(Lookup.State.FRESH);
  }

  @Test
  void shortLivedEntriesExpireInsteadOfGoingStale() throws Exception {
    fixture.renderer.statuses.put("gone", 404);
    PageRenderer shortLived =
        new DelegatingRenderer(fixture.renderer) {
          @Override
          public RenderedPage render(String key) throws Exception {
            return super.render(key).withMaxAge(60);
          }
        };
    IsrOptions options = fixture.cache().options();
    PageCache cache =
        new PageCache(
            fixture.cache().store(), fixture.cache().tagClock(), shortLived, options, fixture.clock, new CacheStats());
    cache.renderAndStore("/p/gone");

    fixture.clock.advance(Duration.ofSeconds(59));
    assertThat(cache.lookup("/p/gone").state()).isEqualTo(Lookup.State.FRESH);
    fixture.clock.advance(Duration.ofSeconds(1));
    assertThat(cache.lookup("/p/gone").state()).isEqualTo(Lookup.State.ABSENT);
  }

  @Test
  void aFailedRenderIsNeverStored() {
    fixture.renderer.failing.add("a");
    fixture.renderer.statuses.put("b", 503);

    assertThatThrownBy(() -> fixture.cache().renderAndStore("/p/a")).isInstanceOf(RenderFailedException.class);
    assertThatThrownBy(() -> fixture.cache().renderAndStore("/p/b")).isInstanceOf(RenderFailedException.class);

    assertThat(fixture.state("/p/a")).isEqualTo(Lookup.State.ABSENT);
    assertThat(fixture.state("/p/b")).isEqualTo(Lookup.State.ABSENT);
    assertThat(fixture.isr.stats().renderErrors()).isEqualTo(2);
    assertThat(fixture.isr.stats().renders()).isEqualTo(2);
  }

  @Test
  void aRenderThatStartedBeforeAPurgeIsNeverReturnedOrServedAfterThePurgeReturned() throws Exception {
    fixture.renderer.hold = new CountDownLatch(1);
    CompletableFuture<CachedPage> render =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return fixture.cache().renderAndStore("/p/a");
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
    CachedPage old = fixture.cache().renderAndStore("/p/a");

    fixture.isr.purge(List.of("all"), List.of());

    assertThat(fixture.cache().isValid(old)).isFalse();
  }

  @Test
  void prerenderedKeysCarryThePrerenderTag() throws Exception {
    fixture.popular = List.of("/p/a");
    fixture.isr.prerenderNow();

    CachedPage page = fixture.cache().lookup("/p/a").page();
    assertThat(page.tags()).contains("popular", "t:a", "all");
    fixture.isr.purge(List.of("popular"), List.of());
    assertThat(fixture.state("/p/a")).isEqualTo(Lookup.State.PURGED);
  }

  @Test
  void preRenderWaitsUntilTheServerFinishedStartingTheApplication() throws Exception {
    fixture.popular = List.of("/p/a");
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

  /** Forwards to another renderer so one method can be changed. */
  static class DelegatingRenderer implements PageRenderer {
    private final PageRenderer delegate;

    DelegatingRenderer(PageRenderer delegate) {
      this.delegate = delegate;
    }

    @Override
    public PageKey keyOf(String path, String rawQuery) {
      return delegate.keyOf(path, rawQuery);
    }

    @Override
    public RenderedPage render(String key) throws Exception {
      return delegate.render(key);
    }

    @Override
    public RenderedPage renderNotFound(String key) throws Exception {
      return delegate.renderNotFound(key);
    }

    @Override
    public RenderedPage renderError(int status, String key) throws Exception {
      return delegate.renderError(status, key);
    }
  }
}
