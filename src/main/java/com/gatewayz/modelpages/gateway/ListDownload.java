package com.gatewayz.modelpages.gateway;

import com.gatewayz.modelpages.gateway.format.ListFormat;
import com.gatewayz.modelpages.gateway.format.ListFormatException;
import com.gatewayz.modelpages.gateway.format.ListFormats;
import com.gatewayz.modelpages.gateway.format.ParsedList;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;

/**
 * One attempt at one gateway's list: open it ({@code http(s):} or {@code file:}), follow the
 * redirects that {@link Redirects} allows, check the status and size, and parse it while it streams
 * in. Memory stays bounded: the body is never buffered whole, and reading stops at the byte bound
 * or when the body stalls past its time limit. The client must not follow redirects itself.
 * Thread-safe.
 */
final class ListDownload {

  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

  private final HttpClient client;
  private final ScheduledExecutorService watchdog;
  private final FetchPolicy policy;
  private final Redirects redirects;

  ListDownload(
      HttpClient client,
      ScheduledExecutorService watchdog,
      FetchPolicy policy,
      Redirects redirects) {
    this.client = client;
    this.watchdog = watchdog;
    this.policy = policy;
    this.redirects = redirects;
  }

  /** The parsed list of {@code gateway}, sending {@code apiKey} as a bearer token unless null. */
  ParsedList fetch(Gateway gateway, String apiKey)
      throws IOException, ListFormatException, InterruptedException {
    ListFormat format = ListFormats.forName(gateway.format());
    return ListUrls.isFile(gateway.listUrl())
        ? readFile(gateway, format)
        : readHttp(gateway, apiKey, format);
  }

  private ParsedList readFile(Gateway gateway, ListFormat format)
      throws IOException, ListFormatException {
    Path path = Path.of(gateway.listUrl());
    if (Files.size(path) > policy.maxBodyBytes()) {
      throw new ResponseTooLargeException(policy.maxBodyBytes());
    }
    try (InputStream in = Files.newInputStream(path)) {
      return format.parse(new BoundedInputStream(in, policy.maxBodyBytes()), gateway.id());
    }
  }

  private ParsedList readHttp(Gateway gateway, String apiKey, ListFormat format)
      throws IOException, ListFormatException, InterruptedException {
    HttpResponse<InputStream> response = sendFollowingRedirects(gateway, apiKey);
    try (InputStream body = response.body()) {
      if (response.statusCode() / 100 != 2) {
        throw new HttpStatusException(response.statusCode());
      }
      long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
      if (declared > policy.maxBodyBytes()) {
        throw new ResponseTooLargeException(policy.maxBodyBytes());
      }
      return parseBeforeDeadline(gateway, format, response, body);
    }
  }

  private HttpResponse<InputStream> sendFollowingRedirects(Gateway gateway, String apiKey)
      throws IOException, InterruptedException {
    URI url = gateway.listUrl();
    Redirects.Chain chain = redirects.from(url);
    while (true) {
      HttpResponse<InputStream> response =
          client.send(request(gateway, url, apiKey), BodyHandlers.ofInputStream());
      Optional<String> location = response.headers().firstValue("Location");
      if (!REDIRECTS.contains(response.statusCode()) || location.isEmpty()) {
        return response;
      }
      response.body().close();
      url = chain.follow(url, location.get());
    }
  }

  private HttpRequest request(Gateway gateway, URI url, String apiKey) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .timeout(policy.timeout(gateway))
            .header("Accept", "application/json")
            .header("Accept-Encoding", "gzip")
            .header("User-Agent", "model-pages")
            .GET();
    if (apiKey != null) {
      request.header("Authorization", "Bearer " + apiKey);
    }
    return request.build();
  }

  // The request timeout ends when the headers arrive; a body that then stalls is cut off here.
  private ParsedList parseBeforeDeadline(
      Gateway gateway, ListFormat format, HttpResponse<InputStream> response, InputStream body)
      throws IOException, ListFormatException {
    Duration limit = policy.bodyTimeout();
    AtomicBoolean expired = new AtomicBoolean();
    ScheduledFuture<?> deadline =
        watchdog.schedule(() -> expire(body, expired), limit.toMillis(), TimeUnit.MILLISECONDS);
    try {
      return format.parse(
          new BoundedInputStream(decoded(response, body), policy.maxBodyBytes()), gateway.id());
    } catch (IOException e) {
      throw expired.get() ? new StalledBodyException(limit) : e;
    } finally {
      deadline.cancel(false);
    }
  }

  private static InputStream decoded(HttpResponse<?> response, InputStream body)
      throws IOException {
    boolean gzip =
        response
            .headers()
            .firstValue("Content-Encoding")
            .filter("gzip"::equalsIgnoreCase)
            .isPresent();
    return gzip ? new GZIPInputStream(body) : body;
  }

  private static void expire(InputStream body, AtomicBoolean expired) {
    expired.set(true);
    try {
      body.close();
    } catch (IOException e) {
      // Closing only unblocks the reader; there is nothing else to do.
    }
  }
}
