package com.gatewayz.modelpages.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.gatewayz.modelpages.platform.ServiceRegistry;
import com.gatewayz.modelpages.testing.EmbeddedSite;
import com.gatewayz.modelpages.testing.EmbeddedTomcat;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A feed lives {@code MODEL_PAGES_LIVE_TIMEOUT_SECONDS} (1 s here), then ends; EventSource reconnects. */
class LiveFeedTimeoutTest {

  @TempDir static Path dataDir;
  static EmbeddedTomcat site;
  static ModelEventHub hub;

  @BeforeAll
  static void start() {
    site =
        EmbeddedSite.start(
            Map.of(
                "MODEL_PAGES_DATA_DIR", dataDir.toString(),
                "MODEL_PAGES_PRERENDER_LIMIT", "0",
                "MODEL_PAGES_LIVE_TIMEOUT_SECONDS", "1"));
    hub = ServiceRegistry.from(site.servletContext()).get(ModelEventHub.class);
  }

  @AfterAll
  static void stop() {
    site.close();
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
