package com.gatewayz.modelpages.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * An HTTP server on loopback that records every request and answers what the test queued (then a
 * default answer): a stand-in for the Fastly and Cloudflare APIs and for Varnish.
 */
public final class RecordingServer implements AutoCloseable {

  /** A request as received; header names lower-cased. */
  public record Request(
      String method, String path, Map<String, List<String>> headers, String body) {
    public String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null ? null : String.join(",", values);
    }
  }

  /** What to answer. */
  public record Answer(int status, String body, Map<String, String> headers) {
    public static Answer of(int status, String body) {
      return new Answer(status, body, Map.of());
    }
  }

  private final HttpServer server;
  private final Answer fallback;
  private final Queue<Answer> queued = new ConcurrentLinkedQueue<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  private RecordingServer(HttpServer server, Answer fallback) {
    this.server = server;
    this.fallback = fallback;
  }

  /** Starts on a free loopback port; answers {@code fallback} unless something is queued. */
  public static RecordingServer start(Answer fallback) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      RecordingServer recording = new RecordingServer(server, fallback);
      server.createContext("/", recording::handle);
      server.setExecutor(Executors.newSingleThreadExecutor());
      server.start();
      return recording;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The next requests get these answers, in order. */
  public void enqueue(Answer... answers) {
    queued.addAll(List.of(answers));
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Map<String, List<String>> headers = new TreeMap<>();
      exchange
          .getRequestHeaders()
          .forEach(
              (name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      requests.add(
          new Request(
              exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), headers, body));
      Answer answer = queued.poll();
      if (answer == null) {
        answer = fallback;
      }
      answer.headers().forEach(exchange.getResponseHeaders()::add);
      byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        exchange.getResponseBody().write(bytes);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
