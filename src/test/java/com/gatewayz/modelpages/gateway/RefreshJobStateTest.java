package com.gatewayz.modelpages.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.gatewayz.modelpages.testing.StubGateway;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The job's own state: statuses, runs that never overlap, closing. */
class RefreshJobStateTest {

  private RefreshFixture fixture;

  @BeforeEach
  void start() throws IOException {
    fixture = new RefreshFixture();
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void statusesListEveryGatewayWithItsCircuit() {
    fixture.stub.status("/beta", 500);
    for (int i = 0; i < 3; i++) {
      fixture.job.runOnce();
    }

    assertThat(fixture.job.statuses())
        .extracting(GatewayStatus::id)
        .containsExactly("alpha", "beta", "gamma", "delta");
    assertThat(fixture.status("beta").circuitState()).isEqualTo("open");
    assertThat(fixture.status("alpha"))
        .extracting(
            GatewayStatus::displayName, GatewayStatus::modelCount, GatewayStatus::circuitState)
        .containsExactly("ALPHA", 1, "closed");
    assertThat(fixture.status("gamma").skippedReason()).isEqualTo("GAMMA_API_KEY is not set");
    assertThat(fixture.status("delta"))
        .extracting(GatewayStatus::enabled, GatewayStatus::lastAttempt)
        .containsExactly(false, null);
  }

  @Test
  void anOpenCircuitKeepsShowingTheErrorThatOpenedIt() {
    fixture.stub.status("/beta", 500);
    for (int i = 0; i < 5; i++) {
      fixture.job.runOnce();
    }

    assertThat(fixture.status("beta").circuitState()).isEqualTo("open");
    assertThat(fixture.status("beta").lastErrorClass()).isEqualTo("http_500");
    assertThat(fixture.status("beta").lastError()).doesNotContain("circuit open");
  }

  @Test
  void runsNeverOverlap() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    fixture.stub.answer(
        "/alpha",
        exchange -> {
          gate.await();
          StubGateway.send(exchange, 200, "{\"data\":[]}".getBytes(StandardCharsets.UTF_8));
        });
    fixture.use(TestGateways.fastPolicy().withTimeout(Duration.ofSeconds(30)));
    CompletableFuture<RefreshSummary> first = CompletableFuture.supplyAsync(fixture.job::runOnce);
    await().atMost(Duration.ofSeconds(10)).until(() -> fixture.stub.hits("/alpha") == 1);

    RefreshSummary second = fixture.job.runOnce();
    gate.countDown();

    assertThat(second.alreadyRunning()).isTrue();
    assertThat(second.gateways()).isEmpty();
    assertThat(first.get().alreadyRunning()).isFalse();
    assertThat(fixture.stub.hits("/alpha")).isEqualTo(1);
  }

  @Test
  void aClosedJobDoesNotRun() {
    fixture.job.close();

    RefreshSummary summary = fixture.job.runOnce();

    assertThat(summary.error()).isEqualTo("closed");
    assertThat(fixture.stub.hits("/alpha")).isZero();
  }
}
