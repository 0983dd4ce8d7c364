package com.gatewayz.modelpages.gateway;

import static com.gatewayz.modelpages.gateway.TestGateways.fastPolicy;
import static com.gatewayz.modelpages.gateway.TestGateways.gateway;
import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.gateway.FetchResult.Failed;
import com.gatewayz.modelpages.gateway.FetchResult.Fetched;
import com.gatewayz.modelpages.testing.MutableClock;
import com.gatewayz.modelpages.testing.StubGateway;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One circuit per gateway: one refresh is one call, and the open wait runs on the clock. */
class CircuitBreakerTest {

  private final MutableClock clock = MutableClock.atEpochSeconds(1_700_000_000);
  private StubGateway stub;
  private GatewayFetcher fetcher;

  @BeforeEach
  void start() throws IOException {
    stub = new StubGateway();
    fetcher = new GatewayFetcher(name -> null, clock, fastPolicy());
  }

  @AfterEach
  void stop() {
    fetcher.close();
    stub.close();
  }

  private Gateway openRouterAt(String path) {
    return gateway("openrouter", stub.uri(path), "openrouter");
  }

  @Test
  void theCircuitOpensAfterThreeFailedFetchesAndThenCallsNothingUntilItsWaitIsOver() {
    stub.status("/models", 500);
    Gateway gateway = openRouterAt("/models");
    for (int i = 0; i < 3; i++) {
      assertThat(fetcher.fetch(gateway)).isInstanceOf(Failed.class);
    }
    int hits = stub.hits("/models");

    FetchResult refused = fetcher.fetch(gateway);

    assertThat(fetcher.circuitState("openrouter")).isEqualTo("open");
    assertThat(refused)
        .isInstanceOfSatisfying(
            Failed.class,
            failed -> {
              assertThat(failed.circuitOpen()).isTrue();
              assertThat(failed.attempts()).isZero();
            });
    assertThat(stub.hits("/models")).isEqualTo(hits);

    stub.fixture("/models", "openrouter-models.json");
    clock.advance(Duration.ofMinutes(1).plusSeconds(1));
    assertThat(fetcher.fetch(gateway)).isInstanceOf(Fetched.class);
    assertThat(fetcher.circuitState("openrouter")).isEqualTo("closed");
  }

  @Test
  void oneSuccessBetweenFailuresKeepsTheCircuitClosed() {
    Gateway gateway = openRouterAt("/models");
    stub.status("/models", 500);
    fetcher.fetch(gateway);
    fetcher.fetch(gateway);
    stub.fixture("/models", "openrouter-models.json");
    fetcher.fetch(gateway);
    stub.status("/models", 500);
    fetcher.fetch(gateway);

    assertThat(fetcher.circuitState("openrouter")).isEqualTo("closed");
  }

  @Test
  void aFailedTrialReopensTheCircuit() {
    stub.status("/models", 500);
    Gateway gateway = openRouterAt("/models");
    for (int i = 0; i < 3; i++) {
      fetcher.fetch(gateway);
    }
    clock.advance(Duration.ofMinutes(2));

    FetchResult trial = fetcher.fetch(gateway);

    assertThat(trial)
        .isInstanceOfSatisfying(Failed.class, f -> assertThat(f.circuitOpen()).isFalse());
    assertThat(fetcher.circuitState("openrouter")).isEqualTo("open");
  }

  @Test
  void circuitsAreKeptPerGateway() {
    stub.status("/models", 500);
    for (int i = 0; i < 3; i++) {
      fetcher.fetch(openRouterAt("/models"));
    }

    assertThat(fetcher.circuitState("openrouter")).isEqualTo("open");
    assertThat(fetcher.circuitState("groq")).isEqualTo("closed");
  }
}
