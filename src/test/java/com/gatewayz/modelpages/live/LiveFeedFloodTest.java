package com.gatewayz.modelpages.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.platform.Settings;
import com.gatewayz.modelpages.testing.SiteExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One client floods the live feed as the attacker did: HEADs that hang up at once (each
 * used to hold its connection forever), then GETs that never read or hang up. The connector's limit
 * is lowered from Tomcat's 8,192 to {@value #MAX_CONNECTIONS} so the same attack, four times over
 * the limit, takes seconds; before the fix it left {@code /models} unreachable. Other methods
 * answer 405 and close the connection.
 */
class LiveFeedFloodTest {

  private static final int MAX_CONNECTIONS = 500;
  private static final int HEADS = 2_000;
  private static final int ABANDONED_GETS = 600;
  private static final int FLOODERS = 4;

  @RegisterExtension static final SiteExtension site = SiteExtension.with();
  static ModelEventHub hub;

  @BeforeAll
  static void start() {
    site.connector().setProperty("maxConnections", String.valueOf(MAX_CONNECTIONS));
    hub = site.service(ModelEventHub.class);
  }

  @Test
  void theSiteAnswersAtOnceAfterAFloodFromOneClient() throws Exception {
    assertThat(site.get("/models").statusCode())
        .isEqualTo(200); // rendered once: later ones are HITs
    ConcurrentLinkedQueue<Socket> unread = new ConcurrentLinkedQueue<>();
    try {
      int heads = flood("HEAD", HEADS, null);
      int gets = flood("GET", ABANDONED_GETS, unread);

      // A new visitor is served while the flood's connections are still open: the request's own
      // timeout guards against a hang; how fast it is served is the benchmarks' business.
      int models = visitModels();

      assertThat(heads).as("HEADs the server accepted").isEqualTo(HEADS);
      assertThat(gets).as("GETs the server accepted").isEqualTo(ABANDONED_GETS);
      assertThat(models).as("a new visitor's GET /models during the flood").isEqualTo(200);
      assertThat(hub.subscribers()).isLessThanOrEqualTo(Settings.DEFAULT_LIVE_MAX_PER_CLIENT);
    } finally {
      for (Socket socket : unread) {
        closeQuietly(socket);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"HEAD", "POST", "PUT", "DELETE", "OPTIONS"})
  void everyMethodButGetAnswers405AndClosesTheConnection(String method) throws Exception {
    try (Socket socket = RawClient.request(site, "127.0.0.1", method)) {
      String response = RawClient.readToClose(socket);

      assertThat(response)
          .startsWith("HTTP/1.1 405")
          .containsIgnoringCase("\r\nAllow: GET\r\n")
          .containsIgnoringCase("\r\nConnection: close\r\n")
          .containsIgnoringCase("\r\nContent-Type: application/json");
      String body = "{\"error\":\"the live feed answers GET only\"}";
      assertThat(response).endsWith(method.equals("HEAD") ? "\r\n\r\n" : "\r\n\r\n" + body);
    }
  }

  /**
   * Sends {@code count} requests from {@value #FLOODERS} threads, each on a new connection; every
   * other one is kept open unread in {@code keep} when given, the rest hang up at once. Returns how
   * many connections the server accepted before the first it did not.
   */
  private static int flood(String method, int count, ConcurrentLinkedQueue<Socket> keep)
      throws Exception {
    byte[] request =
        (method
                + " /api/models/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    ExecutorService flooders = Executors.newFixedThreadPool(FLOODERS);
    try {
      List<Future<Integer>> parts = new ArrayList<>();
      for (int i = 0; i < FLOODERS; i++) {
        parts.add(flooders.submit(() -> send(request, count / FLOODERS, keep)));
      }
      int accepted = 0;
      for (Future<Integer> part : parts) {
        accepted += part.get();
      }
      return accepted;
    } finally {
      flooders.shutdownNow();
    }
  }

  private static int send(byte[] request, int count, ConcurrentLinkedQueue<Socket> keep) {
    for (int i = 0; i < count; i++) {
      Socket socket = new Socket();
      try {
        socket.setReceiveBufferSize(1024);
        // Generous: on a loaded machine a connect waits in the accept queue; refusals count.
        socket.connect(new InetSocketAddress("127.0.0.1", site.port()), 10_000);
        socket.getOutputStream().write(request);
      } catch (IOException e) {
        closeQuietly(socket);
        return i; // the server no longer accepts connections
      }
      if (keep != null && i % 2 == 0) {
        keep.add(socket);
      } else {
        closeQuietly(socket);
      }
    }
    return count;
  }

  /** One {@code GET /models} on a new connection, as a new visitor would. */
  private static int visitModels() {
    HttpClient visitor = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest request =
        HttpRequest.newBuilder(site.uri("/models")).timeout(Duration.ofSeconds(5)).build();
    return send(visitor, request).statusCode();
  }

  private static HttpResponse<byte[]> send(HttpClient client, HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // already gone
    }
  }
}
