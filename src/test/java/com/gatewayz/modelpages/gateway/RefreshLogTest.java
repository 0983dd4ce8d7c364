package com.gatewayz.modelpages.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.gateway.RefreshSummary.GatewayRun;
import com.gatewayz.modelpages.gateway.RefreshSummary.Result;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RefreshLogTest {

  @Test
  void aFetchedGatewaySaysWhatChanged() {
    GatewayRun run = new GatewayRun("openrouter", Result.OK, 371, 3, 2, 0, 1, 812, null, null);

    assertThat(RefreshLog.line(run))
        .isEqualTo("[Gateways] openrouter: 371 models (+3 added, 2 changed, 0 removed) in 812 ms");
  }

  @Test
  void skippedEntriesFollowTheCounts() {
    GatewayRun run =
        new GatewayRun("groq", Result.OK, 16, 0, 0, 0, 1, 90, "2 entries skipped", null);

    assertThat(RefreshLog.line(run)).endsWith("in 90 ms, 2 entries skipped");
  }

  @Test
  void aFailedGatewaySaysWhatItKeeps() {
    GatewayRun run =
        new GatewayRun("groq", Result.FAILED, 16, 0, 0, 0, 2, 700, "HTTP 503", "http_503");

    assertThat(RefreshLog.line(run))
        .isEqualTo("[Gateways] groq: failed after 2 attempts: HTTP 503 (keeping 16 models)");
  }

  @Test
  void anOpenCircuitIsNotCalledAFailure() {
    GatewayRun run =
        new GatewayRun(
            "groq", Result.FAILED, 16, 0, 0, 0, 0, 0, "circuit open, not called", "circuit_open");

    assertThat(RefreshLog.line(run))
        .isEqualTo("[Gateways] groq: circuit open, not called (keeping 16 models)");
  }

  @Test
  void aSkippedGatewaySaysWhy() {
    GatewayRun run =
        new GatewayRun("groq", Result.SKIPPED, 0, 0, 0, 0, 0, 0, "GROQ_API_KEY is not set", null);

    assertThat(RefreshLog.line(run)).isEqualTo("[Gateways] groq: skipped, GROQ_API_KEY is not set");
  }

  @Test
  void theSummaryCountsGatewaysAndCatalogChanges() {
    RefreshSummary summary =
        new RefreshSummary(
            Instant.EPOCH,
            1234,
            false,
            List.of(
                new GatewayRun("a", Result.OK, 1, 1, 0, 0, 1, 1, null, null),
                new GatewayRun("b", Result.FAILED, 1, 0, 0, 0, 2, 1, "HTTP 500", "http_500"),
                new GatewayRun("c", Result.SKIPPED, 0, 0, 0, 0, 0, 0, "C_KEY is not set", null)),
            412,
            3,
            2,
            0,
            null);

    assertThat(RefreshLog.summaryLine(summary))
        .isEqualTo(
            "[Gateways] refresh done in 1234 ms: 1 ok, 1 failed, 1 skipped; catalog 412 models (+3"
                + " added, 2 changed, 0 removed)");
  }
}
