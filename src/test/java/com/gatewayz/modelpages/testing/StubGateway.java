package com.gatewayz.modelpages.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A gateway on loopback (JDK {@link HttpServer}, port 0) that the tests script. Each path answers
 * as the test says (404 otherwise), counts its requests and keeps their {@code Authorization}
 * headers. {@link #start()} also serves a model list at {@link #url()} whose {@link Mode} the test
 * switches: a list, an error status, garbage, an endless body, or nothing at all. Handlers that
 * hang wait on {@link #release}, which {@link #close()} opens.
 */
public final class StubGateway implements AutoCloseable {

  /** What the next requests to {@link #url()} get. */
  public enum Mode {
    LIST,
    ERROR_500,
    GARBAGE,
    HUGE,
    HANG
  }

  /** Answers one request. */
  @FunctionalInterface
  public interface Answer {
    void answer(HttpExchange exchange) throws IOException, InterruptedException;
  }

  private static final String LIST_PATH = "/api/v1/models";

  /** Opened by {@link #close()}: hanging handlers wait on it. */
  public final CountDownLatch release = new CountDownLatch(1);

  /** The {@code Authorization} header of every request, in order ("" when absent). */
  public final List<String> authorizations = new CopyOnWriteArrayList<>();

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicReference<String> list = new AtomicReference<>("{\"data\":[]}");
  private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.LIST);

  /** A stub that answers only the paths a test scripts. */
  public StubGateway() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** A stub serving the scripted model list at {@link #url()}. */
  public static StubGateway start() {
    StubGateway stub = new StubGateway();
    stub.answer(LIST_PATH, stub::answerInMode);
    return stub;
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    requests.incrementAndGet();
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

  private void answerInMode(HttpExchange exchange) throws IOException, InterruptedException {
    switch (mode.get()) {
      case LIST -> send(exchange, 200, list.get().getBytes(StandardCharsets.UTF_8));
      case ERROR_500 -> send(exchange, 500, utf8("{\"error\":\"upstream down\"}"));
      case GARBAGE -> send(exchange, 200, utf8("<html>not json at all"));
      case HUGE -> sendHuge(exchange);
      case HANG -> release.await(60, TimeUnit.SECONDS);
    }
  }

  /** The list URL to configure, e.g. as {@code MODEL_PAGES_GATEWAY_OPENROUTER_URL}. */
  public String url() {
    return uri(LIST_PATH).toString();
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  public void answer(String path, Answer answer) {
    answers.put(path, answer);
  }

  public void json(String path, String body) {
    answer(path, exchange -> send(exchange, 200, utf8(body)));
  }

  /** Serves {@code src/test/resources/gateway-fixtures/<fixture>}. */
  public void fixture(String path, String fixture) {
    answer(path, exchange -> send(exchange, 200, fixtureBytes(fixture)));
  }

  public void status(String path, int status) {
    answer(path, exchange -> status(exchange, status));
  }

  public void setList(String json) {
    list.set(json);
  }

  public void setMode(Mode newMode) {
    mode.set(newMode);
  }

  public int hits(String path) {
    AtomicInteger count = hits.get(path);
    return count == null ? 0 : count.get();
  }

  /** Requests to any path. */
  public int requests() {
    return requests.get();
  }

  public static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  public static void status(HttpExchange exchange, int status) throws IOException {
    send(exchange, status, utf8("{\"error\":\"status " + status + "\"}"));
  }

  public static byte[] fixtureBytes(String fixture) throws IOException {
    try (InputStream in = StubGateway.class.getResourceAsStream("/gateway-fixtures/" + fixture)) {
      if (in == null) {
        throw new IOException("no fixture " + fixture);
      }
      return in.readAllBytes();
    }
  }

  // 50 MiB of a JSON array that never ends properly, streamed without a length.
  private static void sendHuge(HttpExchange exchange) throws IOException {
    exchange.sendResponseHeaders(200, 0);
    byte[] chunk = utf8("{\"id\":\"x/y\",\"name\":\"padding\"},".repeat(1024));
    OutputStream out = exchange.getResponseBody();
    out.write(utf8("{\"data\":["));
    for (long sent = 0; sent < 50L * 1024 * 1024; sent += chunk.length) {
      out.write(chunk); // the client gives up at its bound: handle() takes the IOException
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
    executor.shutdownNow();
  }

  /** An OpenRouter list with one model per (id, prompt price per token) pair. */
  public static String openRouterList(String... idsAndPrices) {
    StringBuilder json = new StringBuilder("{\"data\":[");
    for (int i = 0; i < idsAndPrices.length; i += 2) {
      if (i > 0) {
        json.append(',');
      }
      String id = idsAndPrices[i];
      String price = idsAndPrices[i + 1];
      json.append("{\"id\":\"")
          .append(id)
          .append("\",\"name\":\"Stub: ")
          .append(id.substring(id.indexOf('/') + 1))
          .append("\",\"context_length\":65536,\"pricing\":{\"prompt\":\"")
          .append(price)
          .append("\",\"completion\":\"")
          .append(price)
          .append("\"},\"description\":\"A stub model.\"}");
    }
    return json.append("]}").toString();
  }
}
