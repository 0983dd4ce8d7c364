package com.gatewayz.modelpages.gateway;

import static com.gatewayz.modelpages.gateway.TestGateways.fastPolicy;
import static com.gatewayz.modelpages.gateway.TestGateways.gateway;
import static com.gatewayz.modelpages.gateway.TestGateways.withKey;
import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.gateway.FetchResult.Failed;
import com.gatewayz.modelpages.gateway.FetchResult.Fetched;
import com.gatewayz.modelpages.gateway.FetchResult.Skipped;
import com.gatewayz.modelpages.testing.MutableClock;
import com.gatewayz.modelpages.testing.StubGateway;
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
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

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

  /**
   * One way a fetch from a scripted gateway fails: what the stub answers at {@code /models}, the
   * policy, the error (checked by {@code error}), its class, the attempts and the stub's hits
   * (null: not checked).
   */
  record Failure(
      String name,
      Consumer<StubGateway> script,
      UnaryOperator<FetchPolicy> policy,
      Consumer<String> error,
      String errorClass,
      Integer attempts,
      Integer hits) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Failure> failures() {
    return Stream.of(
        new Failure(
            "a server error is retried once, then fails naming the status",
            stub -> stub.status("/models", 503),
            UnaryOperator.identity(),
            error -> assertThat(error).isEqualTo("HTTP 503"),
            "http_503",
            2,
            2),
        new Failure(
            "a client error is not retried",
            stub -> stub.status("/models", 401),
            UnaryOperator.identity(),
            error -> assertThat(error).isEqualTo("HTTP 401"),
            "http_401",
            null,
            1),
        // Each attempt gives up at the timeout: the stub's handlers still hang (released at close).
        new Failure(
            "a gateway that never answers times out",
            stub -> stub.answer("/models", exchange -> stub.release.await()),
            UnaryOperator.identity(),
            error -> assertThat(error).isEqualTo("no answer within 0.5 s"),
            "timeout",
            2,
            2),
        new Failure(
            "a body that stalls is cut off",
            stub -> stub.answer("/models", exchange -> stall(stub, exchange)),
            policy -> policy.withBodyTimeout(Duration.ofMillis(300)),
            error -> assertThat(error).isEqualTo("the response body did not finish within 0.3 s"),
            "timeout",
            null,
            null),
        new Failure(
            "garbage fails without retry",
            stub -> stub.json("/models", "<html>Bad gateway</html>"),
            UnaryOperator.identity(),
            error -> assertThat(error).contains("openrouter's model list is not valid JSON"),
            "bad_format",
            1,
            null),
        new Failure(
            "a fifty mebibyte body fails at the bound",
            stub -> stub.answer("/models", GatewayFetcherTest::fiftyMebibytes),
            UnaryOperator.identity(),
            error -> assertThat(error).startsWith("response larger than 32 MiB"),
            "too_large",
            1,
            null),
        new Failure(
            "a declared length past the bound fails before reading",
            stub -> stub.fixture("/models", "openrouter-models.json"),
            policy -> policy.withMaxBodyBytes(1000),
            error -> assertThat(error).startsWith("response larger than 1000 bytes"),
            null,
            null,
            null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void aFailedFetchNamesItsErrorAndCountsItsAttempts(Failure failure) {
    fetcher.close();
    fetcher = new GatewayFetcher(k -> null, clock, failure.policy().apply(fastPolicy()));
    failure.script().accept(stub);

    FetchResult result = fetcher.fetch(openRouterAt("/models"));

    assertThat(result)
        .isInstanceOfSatisfying(
            Failed.class,
            failed -> {
              failure.error().accept(failed.error());
              if (failure.errorClass() != null) {
                assertThat(failed.errorClass()).isEqualTo(failure.errorClass());
              }
              if (failure.attempts() != null) {
                assertThat(failed.attempts()).isEqualTo(failure.attempts());
              }
            });
    if (failure.hits() != null) {
      assertThat(stub.hits("/models")).isEqualTo(failure.hits());
    }
  }

  @Test
  void aFiftyMebibyteBodyIsNotReadPastTheBound() {
    CompletableFuture<Boolean> wroteAll = new CompletableFuture<>();
    stub.answer(
        "/models",
        exchange -> {
          try {
            fiftyMebibytes(exchange);
            wroteAll.complete(true);
          } catch (IOException e) {
            wroteAll.complete(false);
            throw e;
          }
        });

    assertThat(fetcher.fetch(openRouterAt("/models"))).isInstanceOf(Failed.class);

    // The client hung up at its bound, so the stub's write failed.
    assertThat(wroteAll).succeedsWithin(Duration.ofSeconds(30)).isEqualTo(false);
  }

  @Test
  void aGatewayThatRefusesConnectionsIsAConnectionFailure() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }

    FetchResult result =
        fetcher.fetch(
            gateway(
                "openrouter", URI.create("http://127.0.0.1:" + closedPort + "/m"), "openrouter"));

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

  private static void stall(StubGateway stub, HttpExchange exchange)
      throws IOException, InterruptedException {
    exchange.sendResponseHeaders(200, 0);
    exchange.getResponseBody().write("{\"data\":[".getBytes(StandardCharsets.UTF_8));
    exchange.getResponseBody().flush();
    stub.release.await();
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
