package com.gatewayz.modelpages.gateway;

import static com.gatewayz.modelpages.gateway.TestGateways.fastPolicy;
import static com.gatewayz.modelpages.gateway.TestGateways.gateway;
import static com.gatewayz.modelpages.gateway.TestGateways.withKey;
import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.gateway.FetchResult.Failed;
import com.gatewayz.modelpages.gateway.FetchResult.Fetched;
import com.gatewayz.modelpages.gateway.FetchResult.Skipped;
import com.gatewayz.modelpages.testing.MutableClock;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayFetcherTest {

  private final MutableClock clock = MutableClock.atEpochSeconds(1_700_000_000);
  private StubGateway stub;
  private GatewayFetcher fetcher;

  @BeforeEach
  void start() throws IOException {
    stub = new StubGateway();
    fetcher = new GatewayFetcher(Map.of("GROQ_API_KEY", "gsk-test")::get, clock, fastPolicy());
  }

  @AfterEach
  void stop() {
    fetcher.close();
    stub.close();
  }

  private Gateway openRouterAt(String path) {
    return gateway("openrouter", stub.uri(path), "openrouter");
  }

  @Test
  void fetchesAndParsesAList() {
    stub.fixture("/models", "openrouter-models.json");

    FetchResult result = fetcher.fetch(openRouterAt("/models"));

    assertThat(result)
        .isInstanceOfSatisfying(
            Fetched.class,
            fetched -> {
              assertThat(fetched.list().models()).isNotEmpty();
              assertThat(fetched.attempts()).isEqualTo(1);
              assertThat(fetched.fetchedAtMillis()).isEqualTo(clock.millis());
            });
    assertThat(stub.authorizations).containsExactly("");
  }

  @Test
  void readsFileUrls(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("groq.json");
    Files.write(file, StubGateway.fixtureBytes("groq-models.json"));

    FetchResult result = fetcher.fetch(gateway("groq-file", file.toUri(), "openai"));

    assertThat(result)
        .isInstanceOfSatisfying(Fetched.class, f -> assertThat(f.list().models()).isNotEmpty());
  }

  @Test
  void readsGzipBodies() {
    stub.answer(
        "/models",
        exchange -> {
          exchange.getResponseHeaders().set("Content-Encoding", "gzip");
          StubGateway.send(exchange, 200, gzip(StubGateway.fixtureBytes("openrouter-models.json")));
        });

    assertThat(fetcher.fetch(openRouterAt("/models"))).isInstanceOf(Fetched.class);
  }

  @Test
  void aServerErrorIsRetriedOnceThenFailsNamingTheStatus() {
    stub.status("/models", 503);

    FetchResult result = fetcher.fetch(openRouterAt("/models"));

    assertThat(result)
        .isInstanceOfSatisfying(
            Failed.class,
            failed -> {
              assertThat(failed.error()).isEqualTo("HTTP 503");
              assertThat(failed.errorClass()).isEqualTo("http_503");
              assertThat(failed.attempts()).isEqualTo(2);
            });
    assertThat(stub.hits("/models")).isEqualTo(2);
  }

  @Test
  void aClientErrorIsNotRetried() {
    stub.status("/models", 401);

    FetchResult result = fetcher.fetch(openRouterAt("/models"));

    assertThat(result)
        .isInstanceOfSatisfying(
            Failed.class,
            f -> assertThat(List.of(f.error(), f.errorClass())).containsExactly("HTTP 401", "http_401"));
    assertThat(stub.hits("/models")).isEqualTo(1);
  }

  @Test
  void aGatewayThatNeverAnswersTimesOut() {
    stub.answer("/models", exchange -> stub.release.await());

    long start = System.nanoTime();
    FetchResult result = fetcher.fetch(openRouterAt("/models"));

    assertThat(result)
        .isInstanceOfSatisfying(
            Failed.class,
            failed -> {
              assertThat(failed.error()).isEqualTo("no answer within 0.5 s");
              assertThat(failed.errorClass()).isEqualTo("timeout");
              assertThat(failed.attempts()).isEqualTo(2);
            });
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void aBodyThatStallsIsCutOff() {
    fetcher.close();
    fetcher =
        new GatewayFetcher(k -> null, clock, fastPolicy().withBodyTimeout(Duration.ofMillis(300)));
    stub.answer(
        "/models",
        exchange -> {
          exchange.sendResponseHeaders(200, 0);
          exchange.getResponseBody().write("{\"data\":[".getBytes(StandardCharsets.UTF_8));
          exchange.getResponseBody().flush();
          stub.release.await();
        });

    FetchResult result = fetcher.fetch(openRouterAt("/models"));

    assertThat(result)
        .isInstanceOfSatisfying(
            Failed.class,
            f ->
                assertThat(List.of(f.error(), f.errorClass()))
                    .containsExactly("the response body did not finish within 0.3 s", "timeout"));
  }

  @Test
  void garbageFailsWithoutRetry() {
    stub.json("/models", "<html>Bad gateway</html>");

    FetchResult result = fetcher.fetch(openRouterAt("/models"));

    assertThat(result)
        .isInstanceOfSatisfying(
            Failed.class,
            failed -> {
              assertThat(failed.error()).contains("openrouter's model list is not valid JSON");
              assertThat(failed.errorClass()).isEqualTo("bad_format");
              assertThat(failed.attempts()).isEqualTo(1);
            });
  }

  @Test
  void aFiftyMebibyteBodyFailsFastAtTheBound() {
    stub.answer("/models", GatewayFetcherTest::fiftyMebibytes);

    long start = System.nanoTime();
    FetchResult result = fetcher.fetch(openRouterAt("/models"));

    assertThat(result)
        .isInstanceOfSatisfying(
            Failed.class,
            failed -> {
              assertThat(failed.error()).startsWith("response larger than 32 MiB");
              assertThat(failed.errorClass()).isEqualTo("too_large");
              assertThat(failed.attempts()).isEqualTo(1);
            });
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void aDeclaredLengthPastTheBoundFailsBeforeReading() {
    fetcher.close();
    fetcher = new GatewayFetcher(k -> null, clock, fastPolicy().withMaxBodyBytes(1000));
    stub.fixture("/models", "openrouter-models.json");

    FetchResult result = fetcher.fetch(openRouterAt("/models"));

    assertThat(result)
        .isInstanceOfSatisfying(
            Failed.class, f -> assertThat(f.error()).startsWith("response larger than 1000 bytes"));
  }

  @Test
  void aGatewayThatRefusesConnectionsIsAConnectionFailure() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }

    FetchResult result =
        fetcher.fetch(
            gateway("openrouter", URI.create("http://127.0.0.1:" + closedPort + "/m"), "openrouter"));

    assertThat(result)
        .isInstanceOfSatisfying(
            Failed.class, f -> assertThat(f.errorClass()).isEqualTo("connection_failed"));
  }

  @Test
  void aMissingListFileIsUnreadableAndItsPathStaysInTheDetail(@TempDir Path dir) {
    Path missing = dir.resolve("secret-dir/groq.json");

    FetchResult result = fetcher.fetch(gateway("groq-file", missing.toUri(), "openai"));

    assertThat(result)
        .isInstanceOfSatisfying(
            Failed.class,
            failed -> {
              assertThat(failed.errorClass()).isEqualTo("file_unreadable");
              assertThat(failed.error()).contains("secret-dir");
            });
  }

  @Test
  void sendsTheApiKeyAsABearerToken() {
    stub.fixture("/openai/v1/models", "groq-models.json");

    FetchResult result =
        fetcher.fetch(withKey("groq", stub.uri("/openai/v1/models"), "openai", "GROQ_API_KEY"));

    assertThat(result).isInstanceOf(Fetched.class);
    assertThat(stub.authorizations).containsExactly("Bearer gsk-test");
  }

  @Test
  void aGatewayWhoseKeyIsUnsetIsSkippedWithoutACall() {
    FetchResult result =
        fetcher.fetch(withKey("xai", stub.uri("/v1/models"), "openai", "XAI_API_KEY"));

    assertThat(result)
        .isInstanceOfSatisfying(
            Skipped.class,
            skipped -> assertThat(skipped.reason()).isEqualTo("XAI_API_KEY is not set"));
    assertThat(stub.hits("/v1/models")).isZero();
  }

  private static void fiftyMebibytes(HttpExchange exchange) throws IOException {
    exchange.sendResponseHeaders(200, 0);
    byte[] spaces = new byte[64 * 1024];
    Arrays.fill(spaces, (byte) ' ');
    try (OutputStream out = exchange.getResponseBody()) {
      out.write("{\"data\":[".getBytes(StandardCharsets.UTF_8));
      for (int i = 0; i < 50 * 16; i++) {
        out.write(spaces);
      }
      out.write("]}".getBytes(StandardCharsets.UTF_8));
    }
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(buffer)) {
      out.write(bytes);
    }
    return buffer.toByteArray();
  }
}
