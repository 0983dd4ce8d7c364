package com.gatewayz.modelpages.api;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.catalog.CatalogService;
import com.gatewayz.modelpages.catalog.GatewayNames;
import com.gatewayz.modelpages.isr.Invalidation;
import com.gatewayz.modelpages.testing.MutableClock;
import com.gatewayz.modelpages.testing.Webhooks;
import com.gatewayz.modelpages.webhook.ReplayGuard;
import com.gatewayz.modelpages.webhook.WebhookDelivery;
import com.gatewayz.modelpages.webhook.WebhookProcessor;
import com.gatewayz.modelpages.webhook.WebhookResult;
import com.gatewayz.modelpages.webhook.WebhookVerifier;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The blocking read kept for h2c-upgraded requests: bounded, cut off at the deadline (the clock is
 * moved by the body's own reads), and only for requests the container really upgraded.
 */
class UpgradedBodyReaderTest {

  private static final long NOW_SECONDS = 1_700_000_000L;
  private static final String EVENT =
      "{\"gateway\":\"xai\",\"event_type\":\"test.upgraded\",\"timestamp\":"
          + NOW_SECONDS
          + ",\"models\":[]}";

  private final MutableClock clock = MutableClock.atEpochSeconds(NOW_SECONDS);
  private final WebhookProcessor processor =
      new WebhookProcessor(
          WebhookVerifier.fromSetting(Webhooks.SECRET, clock),
          new ReplayGuard(clock),
          CatalogService.of(List.of(), clock),
          GatewayNames.of(List.of("xai"), Map.of()),
          (tags, paths) -> new Invalidation(List.copyOf(tags), List.copyOf(paths)),
          clock);

  private WebhookDelivery delivery(String body, long maxBytes) {
    Map<String, String> headers = Map.of("x-webhook-signature", Webhooks.signature(body));
    return processor.open(headers::get, maxBytes);
  }

  /** Hands out {@code body} a few bytes per read, moving the clock by {@code perRead} each time. */
  private InputStream trickle(byte[] body, Duration perRead) {
    return new ByteArrayInputStream(body) {
      @Override
      public synchronized int read(byte[] buffer, int offset, int length) {
        clock.advance(perRead);
        return super.read(buffer, offset, Math.min(length, 3));
      }
    };
  }

  private static HttpServletRequest request(String protocol, Map<String, String> headers) {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            HttpServletRequest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getProtocol" -> protocol;
                  case "getHeader" -> headers.get(((String) args[0]).toLowerCase());
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  @Test
  void aBodyReadInSmallPartsIsAnswered() {
    Optional<WebhookResult> result =
        UpgradedBodyReader.read(
            trickle(EVENT.getBytes(UTF_8), Duration.ZERO), delivery(EVENT, 1024), clock, 30);

    assertThat(result).hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(200));
  }

  @Test
  void aBodyOverTheLimitIs413() {
    byte[] huge = new byte[4096];

    Optional<WebhookResult> result =
        UpgradedBodyReader.read(new ByteArrayInputStream(huge), delivery(EVENT, 1024), clock, 30);

    assertThat(result).hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(413));
  }

  @Test
  void aBodyStillArrivingAtTheDeadlineIs408() {
    Optional<WebhookResult> result =
        UpgradedBodyReader.read(
            trickle(EVENT.getBytes(UTF_8), Duration.ofSeconds(1)), delivery(EVENT, 1024), clock, 5);

    assertThat(result).hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(408));
  }

  @Test
  void aBrokenConnectionLeavesNothingToAnswer() {
    InputStream broken =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("connection reset");
          }
        };

    assertThat(UpgradedBodyReader.read(broken, delivery(EVENT, 1024), clock, 30)).isEmpty();
  }

  @Test
  void onlyARequestTheContainerUpgradedIsReadThisWay() {
    Map<String, String> upgradeHeaders =
        Map.of("upgrade", "h2c", "http2-settings", "AAMAAABkAAQAAP__");

    assertThat(UpgradedBodyReader.isUpgraded(request("HTTP/2.0", upgradeHeaders))).isTrue();
    assertThat(UpgradedBodyReader.isUpgraded(request("HTTP/1.1", upgradeHeaders))).isFalse();
    assertThat(UpgradedBodyReader.isUpgraded(request("HTTP/2.0", Map.of()))).isFalse();
  }
}
