package com.gatewayz.modelpages.isr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.gatewayz.modelpages.testing.EmbeddedTomcat;
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
  private EmbeddedTomcat tomcat;

  @AfterEach
  void stop() {
    if (tomcat != null) {
      tomcat.close();
    }
    fixture.close();
  }

  private void start(boolean dynamicParams) {
    fixture = IsrFixture.inMemory(background, dynamicParams);
    tomcat =
        EmbeddedTomcat.start(
            docBase,
            false,
            context -> {
              FilterDef filter = new FilterDef();
              filter.setFilterName("isr");
              filter.setFilter(new IsrFilter(fixture.isr));
              context.addFilterDef(filter);
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
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
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
    for (String name : List.of("X-Cache", "Cache-Control", "Vary", "ETag", "Age", "Surrogate-Key", "Cache-Tag", "Content-Type", "Content-Length")) {
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

    assertThat(fixture.isr.views().score("/p/a")).isEqualTo(2);
    assertThat(fixture.isr.views().score("/p/b")).isEqualTo(1);
    assertThat(fixture.isr.views().score("/q")).isZero();
  }

  @Test
  void gzipClientsGetTheStoredGzipBytesWithTheirOwnETag() throws IOException {
    start(true);
    tomcat.get("/p/a");

    HttpResponse<byte[]> gzip = tomcat.get("/p/a", "Accept-Encoding", "br, gzip;q=0.8");
    HttpResponse<byte[]> identity = tomcat.get("/p/a", "Accept-Encoding", "gzip;q=0");

    assertThat(header(gzip, "Content-Encoding")).isEqualTo("gzip");
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip.body()))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("<html>a v1</html>");
    }
    assertThat(header(identity, "Content-Encoding")).isNull();
    assertThat(text(identity)).isEqualTo("<html>a v1</html>");
    assertThat(header(gzip, "ETag")).isEqualTo(header(identity, "ETag").replace("\"", "").transform(h -> "\"" + h + "-gz\""));
  }

  @Test
  void aMatchingIfNoneMatchIsAnswered304PerEncoding() {
    start(true);
    String etag = header(tomcat.get("/p/a"), "ETag");

    HttpResponse<byte[]> notModified = tomcat.get("/p/a", "If-None-Match", "\"other\", " + etag);
    HttpResponse<byte[]> otherEncoding = tomcat.get("/p/a", "If-None-Match", etag, "Accept-Encoding", "gzip");

    assertThat(notModified.statusCode()).isEqualTo(304);
    assertThat(notModified.body()).isEmpty();
    assertThat(header(notModified, "ETag")).isEqualTo(etag);
    assertThat(otherEncoding.statusCode()).isEqualTo(200);
  }

  @Test
  void aHeadMissRendersAndStoresTheGetEntryWithoutABody() {
    start(true);

    HttpResponse<byte[]> head = tomcat.send(HttpRequest.newBuilder(tomcat.uri("/p/a")).method("HEAD", HttpRequest.BodyPublishers.noBody()));
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
    fixture.popular = List.of("/d/known");
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

  /** Threads parked in the single flight, waiting for another request's render. */
  static long threadsAwaitingARender() {
    return Thread.getAllStackTraces().values().stream()
        .filter(stack -> Arrays.stream(stack).anyMatch(IsrFilterTest::isAwaitingRender))
        .count();
  }

  private static boolean isAwaitingRender(StackTraceElement frame) {
    return frame.getClassName().equals(Regenerator.class.getName()) && frame.getMethodName().equals("await");
  }
}
