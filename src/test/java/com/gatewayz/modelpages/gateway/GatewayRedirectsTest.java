package com.gatewayz.modelpages.gateway;

import static com.gatewayz.modelpages.gateway.TestGateways.fastPolicy;
import static com.gatewayz.modelpages.gateway.TestGateways.gateway;
import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.gateway.FetchResult.Failed;
import com.gatewayz.modelpages.gateway.FetchResult.Fetched;
import com.gatewayz.modelpages.testing.MutableClock;
import com.gatewayz.modelpages.testing.StubGateway;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A gateway on loopback that redirects: followed within its host, refused anywhere else. */
class GatewayRedirectsTest {

  private final MutableClock clock = MutableClock.atEpochSeconds(1_700_000_000);
  private StubGateway stub;
  private GatewayFetcher fetcher;

  @BeforeEach
  void start() throws IOException {
    stub = new StubGateway();
    fetcher = new GatewayFetcher(Map.<String, String>of()::get, clock, fastPolicy());
    stub.fixture("/models", "openrouter-models.json");
  }

  @AfterEach
  void stop() {
    fetcher.close();
    stub.close();
  }

  private void redirect(String path, int status, String location) {
    stub.answer(
        path,
        exchange -> {
          exchange.getResponseHeaders().set("Location", location);
          exchange.sendResponseHeaders(status, -1);
        });
  }

  private FetchResult fetch(String path) {
    return fetcher.fetch(gateway("openrouter", stub.uri(path), "openrouter"));
  }

  @Test
  void aRedirectWithinTheSameHostIsFollowed() {
    redirect("/old", 301, "/moved");
    redirect("/moved", 307, stub.uri("/models").toString());

    assertThat(fetch("/old")).isInstanceOf(Fetched.class);
    assertThat(stub.hits("/models")).isEqualTo(1);
  }

  @Test
  void aRedirectToAnotherHostIsRefusedWithoutARequestThere() {
    String otherHost = stub.uri("/models").toString().replace("127.0.0.1", "localhost");
    redirect("/old", 302, otherHost);

    FetchResult result = fetch("/old");

    assertThat(result)
        .isInstanceOfSatisfying(
            Failed.class,
            failed -> {
              assertThat(failed.errorClass()).isEqualTo("redirect_refused");
              assertThat(failed.error())
                  .startsWith("redirect to another host refused: http://localhost:");
              assertThat(failed.attempts()).isEqualTo(1);
            });
    assertThat(stub.hits("/models")).isZero();
  }

  @Test
  void aRedirectToAnotherSchemeIsRefused() {
    redirect("/old", 302, "file:///etc/passwd");

    FetchResult result = fetch("/old");

    assertThat(result)
        .isInstanceOfSatisfying(
            Failed.class, failed -> assertThat(failed.errorClass()).isEqualTo("redirect_refused"));
  }

  @Test
  void aRedirectLoopStopsAfterFiveRedirects() {
    redirect("/loop", 302, "/loop");

    FetchResult result = fetch("/loop");

    assertThat(result)
        .isInstanceOfSatisfying(
            Failed.class, failed -> assertThat(failed.error()).isEqualTo("more than 5 redirects"));
    assertThat(stub.hits("/loop")).isEqualTo(1 + Redirects.MAX_REDIRECTS);
  }

  @Test
  void aRedirectWithoutLocationIsAnHttpError() {
    stub.status("/old", 302);

    FetchResult result = fetch("/old");

    assertThat(result)
        .isInstanceOfSatisfying(
            Failed.class, failed -> assertThat(failed.errorClass()).isEqualTo("http_302"));
  }
}
