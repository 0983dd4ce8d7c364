package com.gatewayz.modelpages.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A gateway on loopback (JDK {@link HttpServer}, port 0): each path answers as the test says,
 * counts its requests and keeps their {@code Authorization} headers. Handlers that hang wait on
 * {@link #release}, which {@link #close()} opens.
 */
final class StubGateway implements AutoCloseable {

  /** Answers one request. */
  @FunctionalInterface
  interface Answer {
    void answer(HttpExchange exchange) throws IOException, InterruptedException;
  }

  final CountDownLatch release = new CountDownLatch(1);
  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  final List<String> authorizations = new CopyOnWriteArrayList<>();

  StubGateway() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    authorizations.add(authorization == null ? "" : authorization);
    try {
      answers.getOrDefault(path, e -> status(e, 404)).answer(exchange);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // The client hung up (a bounded or timed-out read): expected in those tests.
    } finally {
      exchange.close();
    }
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  void answer(String path, Answer answer) {
    answers.put(path, answer);
  }

  void json(String path, String body) {
    answer(path, exchange -> send(exchange, 200, body.getBytes(StandardCharsets.UTF_8)));
  }

  void fixture(String path, String fixture) {
    answer(path, exchange -> send(exchange, 200, fixtureBytes(fixture)));
  }

  void status(String path, int status) {
    answer(path, exchange -> status(exchange, status));
  }

  int hits(String path) {
    AtomicInteger count = hits.get(path);
    return count == null ? 0 : count.get();
  }

  static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  static void status(HttpExchange exchange, int status) throws IOException {
    send(
        exchange,
        status,
        ("{\"error\":\"status " + status + "\"}").getBytes(StandardCharsets.UTF_8));
  }

  static byte[] fixtureBytes(String fixture) throws IOException {
    try (InputStream in = StubGateway.class.getResourceAsStream("/gateway-fixtures/" + fixture)) {
      if (in == null) {
        throw new IOException("no fixture " + fixture);
      }
      return in.readAllBytes();
    }
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
