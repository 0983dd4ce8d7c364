package com.gatewayz.modelpages.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.testing.Deployments;
import com.gatewayz.modelpages.testing.Http;
import com.gatewayz.modelpages.testing.Webhooks;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The live feed of the shipped WAR on Tomcat and Payara: events written without blocking reach a
 * subscriber, other methods answer 405, a client past its cap 503.
 */
@ExtendWith(ArquillianExtension.class)
class LiveFeedIT {

  private static final String ANY = null; // every connection from the same address

  @ArquillianResource URL base;
  private Http http;
  private URI feed;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.modelPages(
        Map.of("MODEL_PAGES_LIVE_MAX_PER_CLIENT", "2", "MODEL_WEBHOOK_SECRET", Webhooks.SECRET));
  }

  @BeforeEach
  void client() {
    http = new Http(base);
    feed = http.uri("/api/models/events");
  }

  @Test
  void aSubscriberGetsTheEventOfAWebhookAndAThirdFeedFromTheSameAddressIsRefused()
      throws Exception {
    try (Socket first = RawClient.request(feed, ANY, "GET");
        Socket second = RawClient.request(feed, ANY, "GET")) {
      assertThat(RawClient.readUntil(first, ": connected"))
          .startsWith("HTTP/1.1 200")
          .contains("retry: 5000");
      assertThat(RawClient.readUntil(second, ": connected")).startsWith("HTTP/1.1 200");

      String body =
          Webhooks.modelEvent("models.added", "xai", "xai/grok-live", "0.000003", Webhooks.T0);
      assertThat(
              http.post(
                      "/api/webhooks/models-updated",
                      body,
                      "x-webhook-signature",
                      Webhooks.signature(body))
                  .statusCode())
          .isEqualTo(200);

      assertThat(RawClient.readUntil(first, "\"ids\":[\"xai/grok-live\"]"))
          .contains(
              "event: models.added\ndata: {\"event_type\":\"models.added\",\"count\":1,\"ids\":[\"xai/grok-live\"]");
      try (Socket third = RawClient.request(feed, ANY, "GET")) {
        String refused = RawClient.readToClose(third);
        assertThat(refused)
            .startsWith("HTTP/1.1 503")
            .containsIgnoringCase("\r\nRetry-After: 30\r\n");
        assertThat(refused).endsWith("{\"error\":\"too many live feeds open from this address\"}");
      }
    }
  }

  @Test
  void aHeadIsAnswered405AtOnceAndItsConnectionClosed() throws Exception {
    try (Socket head = RawClient.request(feed, ANY, "HEAD")) {
      assertThat(RawClient.readToClose(head))
          .startsWith("HTTP/1.1 405")
          .containsIgnoringCase("\r\nAllow: GET\r\n");
    }
  }
}
