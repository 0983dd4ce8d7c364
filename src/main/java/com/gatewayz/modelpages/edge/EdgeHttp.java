package com.gatewayz.modelpages.edge;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

/** Sends the edges' purge requests: bounded timeouts, any answer but 2xx is a failure. */
final class EdgeHttp {

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
  static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);
  static final int MAX_ERROR_TEXT = 200;

  private final HttpClient client;

  EdgeHttp(HttpClient client) {
    this.client = client;
  }

  static EdgeHttp create() {
    return new EdgeHttp(
        HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build());
  }

  /** The body of a 2xx answer to {@code request}; anything else throws. */
  String send(HttpRequest.Builder request) throws EdgeException {
    HttpResponse<String> response;
    try {
      response =
          client.send(
              request.timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw new EdgeException("no answer within " + REQUEST_TIMEOUT.toSeconds() + " s");
    } catch (IOException e) {
      String why =
          e.getMessage() == null
              ? e.getClass().getSimpleName()
              : e.getClass().getSimpleName() + ": " + e.getMessage();
      throw new EdgeException("cannot reach it (" + shown(why) + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EdgeException("interrupted");
    }
    if (response.statusCode() / 100 != 2) {
      throw new EdgeException(
          "HTTP " + response.statusCode() + ": " + shown(response.body()),
          retryAfter(response).orElse(null));
    }
    return response.body();
  }

  /** Retry-After in seconds (the form purge APIs use), at most an hour; dates are ignored. */
  static Optional<Duration> retryAfter(HttpResponse<?> response) {
    return response.headers().firstValue("Retry-After").flatMap(EdgeHttp::seconds);
  }

  private static Optional<Duration> seconds(String value) {
    try {
      long seconds = Long.parseLong(value.trim());
      return seconds < 0
          ? Optional.empty()
          : Optional.of(min(Duration.ofSeconds(seconds), MAX_RETRY_AFTER));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** Text from an edge, safe to log and show: one line, visible characters, bounded. */
  static String shown(String text) {
    String line = text == null ? "" : text.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
    return line.length() <= MAX_ERROR_TEXT ? line : line.substring(0, MAX_ERROR_TEXT) + "…";
  }
}
