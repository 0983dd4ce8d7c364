package com.gatewayz.modelpages.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.gatewayz.modelpages.testing.SiteExtension;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A feed lives {@code MODEL_PAGES_LIVE_TIMEOUT_SECONDS} (1 s here), then ends; EventSource
 * reconnects.
 */
class LiveFeedTimeoutTest {

  @RegisterExtension
  static final SiteExtension site = SiteExtension.with("MODEL_PAGES_LIVE_TIMEOUT_SECONDS", "1");

  static ModelEventHub hub;

  @BeforeAll
  static void start() {
    hub = site.service(ModelEventHub.class);
  }

  @Test
  void aFeedEndsAfterTheTimeoutAndTellsTheBrowserWhenToReconnect() throws Exception {
    try (Socket feed = RawClient.request(site, "127.0.0.1", "GET")) {
      // Long before the 15 s heartbeat or any event: only the timeout can end it.
      String stream = RawClient.readUntil(feed, RawClient.END_OF_STREAM);

      assertThat(stream)
          .startsWith("HTTP/1.1 200")
          .contains("retry: 5000\n: connected\n\n")
          .endsWith(RawClient.END_OF_STREAM);
      await().atMost(Duration.ofSeconds(10)).until(() -> hub.subscribers() == 0);
    }
  }
}
