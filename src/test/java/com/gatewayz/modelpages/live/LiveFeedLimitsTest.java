package com.gatewayz.modelpages.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.testing.SiteExtension;
import java.net.Socket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The caps on open feeds: 3 in total, 2 per client address; past either, 503 and Retry-After. */
class LiveFeedLimitsTest {

  private static final String CLIENT_A = "127.0.0.1";
  private static final String CLIENT_B = "127.0.0.2";

  @RegisterExtension
  static final SiteExtension site =
      SiteExtension.with(
          "MODEL_PAGES_LIVE_MAX_SUBSCRIBERS", "3",
          "MODEL_PAGES_LIVE_MAX_PER_CLIENT", "2");

  private static String feed(Socket socket) throws Exception {
    return RawClient.readUntil(socket, ": connected\n\n");
  }

  private static String refusal(String client) throws Exception {
    try (Socket socket = RawClient.request(site, client, "GET")) {
      return RawClient.readToClose(socket); // the connection is closed, not kept alive
    }
  }

  @Test
  void aClientPastItsOwnCapOrAnyonePastTheTotalIsAskedToComeBackLater() throws Exception {
    try (Socket a1 = RawClient.request(site, CLIENT_A, "GET");
        Socket a2 = RawClient.request(site, CLIENT_A, "GET")) {
      assertThat(feed(a1)).startsWith("HTTP/1.1 200");
      assertThat(feed(a2)).startsWith("HTTP/1.1 200");

      String third = refusal(CLIENT_A);
      assertThat(third)
          .startsWith("HTTP/1.1 503")
          .containsIgnoringCase("\r\nRetry-After: 30\r\n")
          .containsIgnoringCase("\r\nContent-Type: application/json")
          .endsWith("\r\n\r\n{\"error\":\"too many live feeds open from this address\"}");

      try (Socket b1 = RawClient.request(site, CLIENT_B, "GET")) {
        assertThat(feed(b1)).startsWith("HTTP/1.1 200");

        assertThat(refusal(CLIENT_B))
            .startsWith("HTTP/1.1 503")
            .containsIgnoringCase("\r\nRetry-After: 30\r\n")
            .endsWith("{\"error\":\"the live feed has too many subscribers; try again later\"}");
      }
    }
  }
}
