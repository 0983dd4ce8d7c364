package com.gatewayz.modelpages.isr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.gatewayz.modelpages.testing.ManualExecutor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The pre-render renders several pages at once, and still through single flight: a page a live miss
 * asks for while the pre-render renders it is rendered once.
 */
class ParallelPrerenderTest {

  private final ManualExecutor background = new ManualExecutor();
  private final IsrFixture fixture = IsrFixture.withPrerenderThreads(background, 2);

  @AfterEach
  void close() {
    CountDownLatch hold = fixture.renderer.hold;
    if (hold != null) {
      hold.countDown();
    }
    fixture.close();
  }

  @Test
  void twoPagesAreRenderedAtOnceAndEveryPageOnce() throws Exception {
    fixture.popularity.keys = List.of("/p/a", "/p/b", "/p/c", "/p/d");
    fixture.renderer.hold = new CountDownLatch(1);
    fixture.renderer.entered = new CountDownLatch(2);

    CompletableFuture<Void> pass = CompletableFuture.runAsync(fixture.isr::prerenderNow);
    // Both renders are inside the renderer, held, at the same time: one thread could not.
    assertThat(fixture.renderer.entered.await(20, TimeUnit.SECONDS)).isTrue();
    fixture.renderer.hold.countDown();
    pass.get(20, TimeUnit.SECONDS);

    for (String key : fixture.popularity.keys) {
      assertThat(fixture.renderer.rendersOf(key)).as(key).isEqualTo(1);
      assertThat(fixture.state(key)).as(key).isEqualTo(Lookup.State.FRESH);
    }
    assertThat(fixture.isr.prerenderer().readiness().ready()).isTrue();
  }

  @Test
  void liveMissesOfThePagesThePrerenderIsRenderingWaitForThoseRenders() throws Exception {
    fixture.popularity.keys = List.of("/p/a", "/p/b");
    fixture.renderer.hold = new CountDownLatch(1);
    fixture.renderer.entered = new CountDownLatch(2);
    CompletableFuture<Void> pass = CompletableFuture.runAsync(fixture.isr::prerenderNow);
    assertThat(fixture.renderer.entered.await(20, TimeUnit.SECONDS)).isTrue();

    CompletableFuture<Served> missA = serveAsync("/p/a");
    CompletableFuture<Served> missB = serveAsync("/p/b");
    // Both parked on the pre-render's flights, or (the bug) inside renders of their own.
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                IsrFilterTest.threadsAwaitingARender() == 2 || fixture.renderer.renders.get() > 2);
    fixture.renderer.hold.countDown();
    pass.get(20, TimeUnit.SECONDS);

    assertThat(body(missA.get(20, TimeUnit.SECONDS))).isEqualTo("<html>a v1</html>");
    assertThat(body(missB.get(20, TimeUnit.SECONDS))).isEqualTo("<html>b v1</html>");
    assertThat(fixture.renderer.rendersOf("/p/a")).isEqualTo(1);
    assertThat(fixture.renderer.rendersOf("/p/b")).isEqualTo(1);
  }

  @Test
  void aPagesLogLineReadsAsTheFormattedOneTheBenchmarkParses() {
    byte[] html = "<html>a</html>".getBytes(StandardCharsets.UTF_8);
    CachedPage page =
        CachedPage.of(
            "/p/a",
            new RenderedPage(200, "text/html", html, Set.of(), 0, null),
            new String[0],
            0,
            0,
            0);
    for (long nanos : new long[] {0, 49_999, 50_000, 1_234_567, 9_950_000, 12_345_678_901L}) {
      String formatted =
          String.format(
              Locale.ROOT,
              "[ISR] \u25CF %s %d %.1f ms %d B gzip",
              "/p/a",
              200,
              nanos / 1e6,
              page.gzipLength());
      assertThat(Prerenderer.renderedLine("/p/a", page, nanos))
          .as("%d ns", nanos)
          .isEqualTo(formatted);
    }
  }

  private CompletableFuture<Served> serveAsync(String key) {
    PageKey pageKey = new PageKey(key, true, false);
    return CompletableFuture.supplyAsync(() -> fixture.isr.serve(pageKey));
  }

  private static String body(Served served) {
    return new String(
        Gzip.decompress(served.page().gzipBody(), served.page().identityLength()),
        StandardCharsets.UTF_8);
  }
}
