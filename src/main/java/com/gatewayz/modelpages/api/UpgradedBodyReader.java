package com.gatewayz.modelpages.api;

import com.gatewayz.modelpages.webhook.TooLargeException;
import com.gatewayz.modelpages.webhook.WebhookDelivery;
import com.gatewayz.modelpages.webhook.WebhookResult;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads a webhook body with blocking reads, for the one kind of request whose body must not be read
 * by a {@code ReadListener}: an HTTP/1.1 request that the container upgraded to HTTP/2 on the spot
 * ({@code Upgrade: h2c}, which Java's {@code HttpClient} sends by default). Payara's Grizzly then
 * loses about one connection in ten without an answer. The body is still bounded and checked
 * against the deadline between reads, so a stalled sender is cut off by the container's own read
 * timeout at the latest, and it holds one of the capped delivery slots. Stateless.
 */
final class UpgradedBodyReader {

  private static final int BUFFER_SIZE = 8192;

  private UpgradedBodyReader() {}

  /** True for a request the container switched to HTTP/2 through an {@code h2c} upgrade. */
  static boolean isUpgraded(HttpServletRequest request) {
    return "HTTP/2.0".equals(request.getProtocol()) && request.getHeader("HTTP2-Settings") != null;
  }

  /**
   * The answer to the delivery once its body was read from {@code in}: the delivery's own, 413 past
   * the limit, 408 past the deadline; empty when reading failed (the sender went away).
   */
  static Optional<WebhookResult> read(
      InputStream in, WebhookDelivery delivery, Clock clock, int timeoutSeconds) {
    Instant deadline = clock.instant().plusSeconds(timeoutSeconds);
    byte[] buffer = new byte[BUFFER_SIZE];
    try {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        delivery.append(buffer, 0, n);
        if (clock.instant().isAfter(deadline)) {
          return Optional.of(WebhookResult.timedOut(timeoutSeconds));
        }
      }
      return Optional.of(delivery.finish());
    } catch (TooLargeException e) {
      return Optional.of(WebhookResult.tooLarge(e.maxBytes()));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
