package com.gatewayz.modelpages.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A gateway on loopback that the tests script: it answers a model list, an error status, garbage,
 * an endless body, or nothing at all.
 */
public final class StubGateway implements AutoCloseable {

  /** What the next requests get. */
  public enum Mode {
    LIST,
    ERROR_500,
    GARBAGE,
    HUGE,
    HANG
  }

  private final HttpServer server;
  private final AtomicReference<String> list = new AtomicReference<>("{\"data\":[]}");
  private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.LIST);
  private final AtomicInteger requests = new AtomicInteger();
  private final CountDownLatch closing = new CountDownLatch(1);

  private StubGateway(HttpServer server) {
    this.server = server;
  }

  public static StubGateway start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      StubGateway stub = new StubGateway(server);
      server.createContext("/", stub::handle);
      server.setExecutor(Executors.newCachedThreadPool());
      server.start();
      return stub;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The list URL to configure, e.g. as {@code MODEL_PAGES_GATEWAY_OPENROUTER_URL}. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/models";
  }

  public void setList(String json) {
    list.set(json);
  }

  public void setMode(Mode newMode) {
    mode.set(newMode);
  }

  public int requests() {
    return requests.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    try (exchange) {
      switch (mode.get()) {
        case LIST -> send(exchange, 200, list.get().getBytes(StandardCharsets.UTF_8));
        case ERROR_500 -> send(exchange, 500, "{\"error\":\"upstream down\"}".getBytes(StandardCharsets.UTF_8));
        case GARBAGE -> send(exchange, 200, "<html>not json at all".getBytes(StandardCharsets.UTF_8));
        case HUGE -> sendHuge(exchange);
        case HANG -> hang();
      }
    }
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
  }

  // 50 MiB of a JSON array that never ends properly, streamed without a length.
  private static void sendHuge(HttpExchange exchange) throws IOException {
    exchange.sendResponseHeaders(200, 0);
    byte[] chunk = "{\"id\":\"x/y\",\"name\":\"padding\"},".repeat(1024).getBytes(StandardCharsets.UTF_8);
    OutputStream out = exchange.getResponseBody();
    out.write("{\"data\":[".getBytes(StandardCharsets.UTF_8));
    try {
      for (long sent = 0; sent < 50L * 1024 * 1024; sent += chunk.length) {
        out.write(chunk);
      }
    } catch (IOException e) {
      // the client gave up at its bound, as it should
    }
  }

  private void hang() {
    try {
      closing.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
  }

  /** An OpenRouter list with one model per (id, prompt price per token) pair. */
  public static String openRouterList(String... idsAndPrices) {
    StringBuilder json = new StringBuilder("{\"data\":[");
    for (int i = 0; i < idsAndPrices.length; i += 2) {
      if (i > 0) {
        json.append(',');
      }
      String id = idsAndPrices[i];
      json.append("{\"id\":\"").append(id).append("\",\"name\":\"Stub: ").append(id.substring(id.indexOf('/') + 1))
          .append("\",\"context_length\":65536,\"pricing\":{\"prompt\":\"").append(idsAndPrices[i + 1])
          .append("\",\"completion\":\"").append(idsAndPrices[i + 1]).append("\"},\"description\":\"A stub model.\"}");
    }
    return json.append("]}").toString();
  }
}
