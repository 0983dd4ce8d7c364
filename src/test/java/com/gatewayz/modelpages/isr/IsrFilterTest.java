package com.gatewayz.modelpages.isr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.gatewayz.modelpages.testing.EmbeddedTomcat;
import com.gatewayz.modelpages.testing.ManualExecutor;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ISR filter in a real Tomcat over real HTTP, with a fake renderer and a hand-moved clock. */
class IsrFilterTest {

  @TempDir Path docBase;

  private final ManualExecutor background = new ManualExecutor();
  private IsrFixture fixture;
  private IsrFilter filter;
  private EmbeddedTomcat tomcat;

  @AfterEach
  void stop() {
    if (tomcat != null) {
      tomcat.close();
    }
    fixture.close();
  }

  private void start(boolean dynamicParams) {
    start(dynamicParams, IsrFilter.MAX_REMEMBERED_KEYS);
  }

  private void start(boolean dynamicParams, int maxRememberedKeys) {
    fixture = IsrFixture.inMemory(background, dynamicParams);
    filter = new IsrFilter(fixture.isr, maxRememberedKeys);
    tomcat =
        EmbeddedTomcat.start(
            docBase,
            false,
            context -> {
              FilterDef definition = new FilterDef();
              definition.setFilterName("isr");
              definition.setFilter(filter);
              context.addFilterDef(definition);
              FilterMap mapping = new FilterMap();
              mapping.setFilterName("isr");
              mapping.addURLPatternDecoded("/*");
              context.addFilterMap(mapping);
              org.apache.catalina.startup.Tomcat.addServlet(context, "origin", new OriginServlet());
              context.addServletMappingDecoded("/", "origin");
            });
  }

  /** Stands behind the filter: answers what the cache passes down. */
  static final class OriginServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      response.setContentType("text/plain");
      response.getWriter().write("origin " + request.getRequestURI());
    }
  }

  private static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  private static String header(HttpResponse<byte[]> response, String name) {
    return response.headers().firstValue(name).orElse(null);
  }

  private static byte[] gunzip(byte[] body) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      return in.readAllBytes();
    }
  }

  private HttpResponse<byte[]> head(String path) {
    return tomcat.send(
        HttpRequest.newBuilder(tomcat.uri(path))
            .method("HEAD", HttpRequest.BodyPublishers.noBody()));
  }

  @Test
  void aFirstRequestIsAMissThatIsStoredAndTheNextAHitWithTheCacheHeaders() {
    start(true);

    HttpResponse<byte[]> first = tomcat.get("/p/a");
    HttpResponse<byte[]> second = tomcat.get("/p/a");

    assertThat(header(first, "X-Cache")).isEqualTo("MISS");
    assertThat(header(second, "X-Cache")).isEqualTo("HIT");
    assertThat(text(second)).isEqualTo("<html>a v1</html>");
    assertThat(header(second, "Cache-Control"))
        .isEqualTo("public, s-maxage=60, stale-while-revalidate=31536000");
    assertThat(header(second, "Vary")).isEqualTo("Accept-Encoding");
    assertThat(header(second, "Surrogate-Key")).isEqualTo("all t:a path:/p/a site:all");
    assertThat(header(second, "Cache-Tag")).isEqualTo("all,t:a,path:/p/a,site:all");
    assertThat(header(second, "Age")).isEqualTo("0");
    assertThat(header(second, "ETag")).matches("\"[0-9a-f]{24}\"");
    assertThat(fixture.renderer.rendersOf("/p/a")).isEqualTo(1);
    for (String name :
        List.of(
            "X-Cache",
            "Cache-Control",
            "Vary",
            "ETag",
            "Age",
            "Surrogate-Key",
            "Cache-Tag",
            "Content-Type",
            "Content-Length")) {
      assertThat(second.headers().allValues(name)).as(name).hasSize(1);
    }
  }

  @Test
  void everyPageRequestCountsAsAViewOfItsKey() {
    start(true);

    tomcat.get("/p/a");
    tomcat.get("/p/a");
    tomcat.get("/p/b");
    tomcat.get("/q");

    assertThat(fixture.popularity.views("/p/a")).isEqualTo(2);
    assertThat(fixture.popularity.views("/p/b")).isEqualTo(1);
    assertThat(fixture.popularity.views("/q")).isZero();
  }

  @Test
  void gzipClientsGetTheStoredGzipBytesWithTheirOwnETag() throws IOException {
    start(true);
    tomcat.get("/p/a");

    HttpResponse<byte[]> gzip = tomcat.get("/p/a", "Accept-Encoding", "br, gzip;q=0.8");
    HttpResponse<byte[]> identity = tomcat.get("/p/a", "Accept-Encoding", "gzip;q=0");

    assertThat(header(gzip, "Content-Encoding")).isEqualTo("gzip");
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip.body()))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("<html>a v1</html>");
    }
    assertThat(header(identity, "Content-Encoding")).isNull();
    assertThat(text(identity)).isEqualTo("<html>a v1</html>");
    assertThat(header(gzip, "ETag"))
        .isEqualTo(header(identity, "ETag").replace("\"", "").transform(h -> "\"" + h + "-gz\""));
  }

  @Test
  void identityClientsGetTheWholeBodyCopiedOrStreamedWithTheirOwnETag304AndHead()
      throws IOException {
    start(true);
    fixture.renderer.paddedTo.put("big", IdentityBodies.MAX_COPIED_BYTES + 50_000);

    for (String path : List.of("/p/a", "/p/big")) {
      HttpResponse<byte[]> gzip = tomcat.get(path, "Accept-Encoding", "gzip");
      byte[] expected = gunzip(gzip.body());
      String etag = header(gzip, "ETag").replace("-gz", "");
      for (int i = 0; i < 2; i++) {
        HttpResponse<byte[]> identity = tomcat.get(path);
        assertThat(identity.body()).as(path).isEqualTo(expected);
        assertThat(header(identity, "Content-Length")).isEqualTo(Integer.toString(expected.length));
        assertThat(header(identity, "Content-Encoding")).isNull();
        assertThat(header(identity, "ETag")).isEqualTo(etag);
      }
      HttpResponse<byte[]> notModified = tomcat.get(path, "If-None-Match", etag);
      HttpResponse<byte[]> head = head(path);
      assertThat(notModified.statusCode()).isEqualTo(304);
      assertThat(notModified.body()).isEmpty();
      assertThat(head.body()).isEmpty();
      assertThat(header(head, "Content-Length")).isEqualTo(Integer.toString(expected.length));
    }
    assertThat(
            new String(
                gunzip(tomcat.get("/p/big", "Accept-Encoding", "gzip").body()),
                StandardCharsets.UTF_8))
        .startsWith("<html>big v1 big v1")
        .hasSize(IdentityBodies.MAX_COPIED_BYTES + 50_000 + "<html></html>".length());
  }

  @Test
  void aMatchingIfNoneMatchIsAnswered304PerEncoding() {
    start(true);
    String etag = header(tomcat.get("/p/a"), "ETag");

    HttpResponse<byte[]> notModified = tomcat.get("/p/a", "If-None-Match", "\"other\", " + etag);
    HttpResponse<byte[]> otherEncoding =
        tomcat.get("/p/a", "If-None-Match", etag, "Accept-Encoding", "gzip");

    assertThat(notModified.statusCode()).isEqualTo(304);
    assertThat(notModified.body()).isEmpty();
    assertThat(header(notModified, "ETag")).isEqualTo(etag);
    assertThat(otherEncoding.statusCode()).isEqualTo(200);
  }

  @Test
  void aHeadMissRendersAndStoresTheGetEntryWithoutABody() {
    start(true);

    HttpResponse<byte[]> head = head("/p/a");
    HttpResponse<byte[]> get = tomcat.get("/p/a");

    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(header(head, "X-Cache")).isEqualTo("MISS");
    assertThat(header(head, "Content-Length")).isEqualTo("17");
    assertThat(header(get, "X-Cache")).isEqualTo("HIT");
  }

  @Test
  void anOldPageIsServedStaleWhileExactlyOneBackgroundRenderReplacesIt() {
    start(true);
    tomcat.get("/p/a");
    fixture.renderer.versions.put("a", 2);
    fixture.clock.advance(Duration.ofSeconds(61));

    HttpResponse<byte[]> stale = tomcat.get("/p/a");
    HttpResponse<byte[]> staleAgain = tomcat.get("/p/a");

    // Both answered with the old bytes before any background work ran: the render delayed neither.
    assertThat(header(stale, "X-Cache")).isEqualTo("STALE");
    assertThat(text(staleAgain)).isEqualTo("<html>a v1</html>");
    assertThat(header(stale, "Age")).isEqualTo("61");
    assertThat(background.runAll()).isEqualTo(1);
    HttpResponse<byte[]> fresh = tomcat.get("/p/a");
    assertThat(header(fresh, "X-Cache")).isEqualTo("HIT");
    assertThat(text(fresh)).isEqualTo("<html>a v2</html>");
    assertThat(fixture.renderer.rendersOf("/p/a")).isEqualTo(2);
  }

  @Test
  void aStalePageKeepsBeingServedWhileItsRenderFails() {
    start(true);
    tomcat.get("/p/a");
    fixture.renderer.failing.add("a");
    fixture.clock.advance(Duration.ofSeconds(61));

    tomcat.get("/p/a");
    background.runAll();
    HttpResponse<byte[]> afterFailure = tomcat.get("/p/a");

    assertThat(header(afterFailure, "X-Cache")).isEqualTo("STALE");
    assertThat(text(afterFailure)).isEqualTo("<html>a v1</html>");
    assertThat(background.queuedCount()).as("backing off: no new render queued").isZero();
  }

  @Test
  void purgedBytesAreNeverServedWhenTheRenderFails() {
    start(true);
    tomcat.get("/p/a");
    fixture.renderer.failing.add("a");
    fixture.isr.purge(List.of("t:a"), List.of());

    HttpResponse<byte[]> response = tomcat.get("/p/a");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(header(response, "Retry-After")).isEqualTo("30");
    assertThat(header(response, "Cache-Control")).isEqualTo("no-store");
    assertThat(text(response)).isEqualTo("error 503").doesNotContain("a v1");
  }

  @Test
  void aPurgeIsSeenByTheNextRequest() {
    start(true);
    tomcat.get("/p/a");
    fixture.renderer.versions.put("a", 2);

    fixture.isr.purge(List.of("t:a"), List.of());
    HttpResponse<byte[]> response = tomcat.get("/p/a");

    assertThat(header(response, "X-Cache")).isEqualTo("MISS");
    assertThat(text(response)).isEqualTo("<html>a v2</html>");
  }

  @Test
  void a404IsAnsweredFromTheNegativeCacheWithNoViewAndNoPathMemo() {
    start(true);
    fixture.renderer.statuses.put("gone", 404);

    HttpResponse<byte[]> first = tomcat.get("/d/gone");
    HttpResponse<byte[]> second = tomcat.get("/d/gone");

    assertThat(first.statusCode()).isEqualTo(404);
    assertThat(header(first, "X-Cache")).isEqualTo("MISS");
    assertThat(second.statusCode()).isEqualTo(404);
    assertThat(header(second, "X-Cache")).isEqualTo("HIT");
    assertThat(header(second, "Cache-Control")).isEqualTo("public, s-maxage=60");
    assertThat(fixture.renderer.rendersOf("/d/gone")).isEqualTo(1);
    assertThat(fixture.isr.entryCount()).isZero();
    assertThat(fixture.isr.negativeCache().entries()).isEqualTo(1);
    assertThat(fixture.isr.negativeCache().hits()).isEqualTo(1);
    assertThat(fixture.isr.stats().hits()).as("apart from page hits").isZero();
    assertThat(fixture.popularity.views("/d/gone")).isZero();
    assertThat(fixture.renderer.keyOfCallsFor("/d/gone")).as("no path memo").isEqualTo(2);
    assertThat(filter.rememberedKeys()).isZero();
  }

  @Test
  void a404IsRenderedAgainOnceItsTimeToLiveIsOver() {
    start(true);
    fixture.renderer.statuses.put("gone", 404);
    tomcat.get("/d/gone");

    fixture.clock.advance(Duration.ofSeconds(59));
    HttpResponse<byte[]> beforeTtl = tomcat.get("/d/gone");
    fixture.clock.advance(Duration.ofSeconds(1));
    HttpResponse<byte[]> afterTtl = tomcat.get("/d/gone");

    assertThat(header(beforeTtl, "X-Cache")).isEqualTo("HIT");
    assertThat(header(afterTtl, "X-Cache")).isEqualTo("MISS");
    assertThat(fixture.renderer.rendersOf("/d/gone")).isEqualTo(2);
  }

  @Test
  void thePathMemoKeepsAtMostItsBoundAndStillTakesNewPaths() {
    start(true, 8);

    for (int i = 0; i < 40; i++) {
      tomcat.get("/p/page" + i);
    }
    tomcat.get("/p/latest");
    tomcat.get("/p/latest");

    assertThat(filter.rememberedKeys()).isBetween(1L, 8L);
    assertThat(fixture.renderer.keyOfCallsFor("/p/latest"))
        .as("remembered after one request")
        .isEqualTo(1);
    assertThat(fixture.renderer.keyOfCallsFor("/p/page0")).isEqualTo(1);
  }

  @Test
  void uncacheableRequestsAndOtherMethodsGoToTheOrigin() {
    start(true);

    HttpResponse<byte[]> search = tomcat.get("/q");
    HttpResponse<byte[]> other = tomcat.get("/elsewhere");

    assertThat(text(search)).isEqualTo("origin /q");
    assertThat(header(search, "X-Cache")).isNull();
    assertThat(text(other)).isEqualTo("origin /elsewhere");
    assertThat(fixture.renderer.renders.get()).isZero();
  }

  @Test
  void withDynamicParamsOffOnlyPrerenderedDynamicKeysExist() {
    start(false);
    fixture.popularity.keys = List.of("/d/known");
    fixture.isr.prerenderNow();

    HttpResponse<byte[]> known = tomcat.get("/d/known");
    HttpResponse<byte[]> unknown = tomcat.get("/d/unknown");
    HttpResponse<byte[]> staticKey = tomcat.get("/p/a");

    assertThat(known.statusCode()).isEqualTo(200);
    assertThat(header(known, "X-Cache")).isEqualTo("HIT");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(staticKey.statusCode()).isEqualTo(200);
    assertThat(fixture.renderer.rendersOf("/d/unknown")).isZero();
  }

  @Test
  void oneHundredConcurrentRequestsForAnUncachedPageCauseOneRender() throws Exception {
    start(true);
    fixture.renderer.hold = new CountDownLatch(1);
    List<CompletableFuture<HttpResponse<byte[]>>> responses = new ArrayList<>();
    ExecutorService clients = Executors.newFixedThreadPool(100);
    for (int i = 0; i < 100; i++) {
      responses.add(CompletableFuture.supplyAsync(() -> tomcat.get("/p/hot"), clients));
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> threadsAwaitingARender() == 99);
    fixture.renderer.hold.countDown();

    for (CompletableFuture<HttpResponse<byte[]>> response : responses) {
      assertThat(text(response.get())).isEqualTo("<html>hot v1</html>");
    }
    assertThat(fixture.renderer.rendersOf("/p/hot")).isEqualTo(1);
    clients.shutdown();
  }

  @Test
  void aPageWhoseRenderHangsPastItsDeadlineIsRenderedAnewForTheNextRequest() throws Exception {
    start(true);
    CountDownLatch hung = new CountDownLatch(1);
    fixture.renderer.hangNext.add(hung);
    CompletableFuture<HttpResponse<byte[]>> first =
        CompletableFuture.supplyAsync(() -> tomcat.get("/p/hung"));
    try {
      assertThat(fixture.renderer.entered.await(20, java.util.concurrent.TimeUnit.SECONDS))
          .isTrue();
      fixture.clock.advance(Duration.ofMillis(IsrOptions.DEFAULT_RENDER_DEADLINE_MILLIS + 1));

      HttpResponse<byte[]> next = tomcat.get("/p/hung");

      assertThat(next.statusCode()).isEqualTo(200);
      assertThat(header(next, "X-Cache")).isEqualTo("MISS");
      assertThat(text(next)).isEqualTo("<html>hung v1</html>");
      assertThat(fixture.isr.stuckRenders()).isEqualTo(1);
    } finally {
      hung.countDown();
    }
    assertThat(first.get().statusCode()).isEqualTo(200);
  }

  /** Threads parked in the single flight, waiting for another request's render. */
  static long threadsAwaitingARender() {
    return Thread.getAllStackTraces().values().stream()
        .filter(stack -> Arrays.stream(stack).anyMatch(IsrFilterTest::isAwaitingRender))
        .count();
  }

  private static boolean isAwaitingRender(StackTraceElement frame) {
    return frame.getClassName().equals(Regenerator.class.getName())
        && frame.getMethodName().equals("await");
  }
}
