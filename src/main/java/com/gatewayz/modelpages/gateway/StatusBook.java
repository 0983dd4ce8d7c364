package com.gatewayz.modelpages.gateway;

import com.gatewayz.modelpages.gateway.RefreshSummary.GatewayRun;
import com.gatewayz.modelpages.gateway.RefreshSummary.Result;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** What the refreshes learned about each gateway, for its status. Thread-safe. */
final class StatusBook {

  /** One gateway's history; fields null until they happened. */
  record Progress(
      Instant lastAttempt,
      Instant lastSuccess,
      String lastErrorClass,
      String lastError,
      String skippedReason,
      List<String> skippedEntries) {

    static final Progress NONE = new Progress(null, null, null, null, null, List.of());
  }

  private final Map<String, Progress> byGateway = new ConcurrentHashMap<>();

  /** {@code gateway}'s status with what is known of it. */
  GatewayStatus status(Gateway gateway, int models, String circuitState) {
    Progress progress = of(gateway.id());
    return new GatewayStatus(
        gateway.id(),
        gateway.displayName(),
        gateway.enabled(),
        gateway.deprecated(),
        progress.lastAttempt(),
        progress.lastSuccess(),
        models,
        progress.lastErrorClass(),
        progress.lastError(),
        circuitState,
        progress.skippedReason());
  }

  Progress of(String gatewayId) {
    return byGateway.getOrDefault(gatewayId, Progress.NONE);
  }

  /** Records one gateway's run and returns what was known before it. */
  Progress record(GatewayRun run, Instant attemptAt, Instant now, List<String> skippedEntries) {
    Progress before = of(run.id());
    byGateway.put(run.id(), next(before, run, attemptAt, now, skippedEntries));
    return before;
  }

  private static Progress next(
      Progress before, GatewayRun run, Instant attemptAt, Instant now, List<String> entries) {
    if (run.result() == Result.OK) {
      return new Progress(attemptAt, now, null, null, null, List.copyOf(entries));
    }
    if (run.result() == Result.FAILED && isCircuitOpen(run) && before.lastErrorClass() != null) {
      // Not called: the error that opened the circuit stays the one shown (the circuit says open).
      return before;
    }
    if (run.result() == Result.FAILED) {
      return new Progress(
          attemptAt,
          before.lastSuccess(),
          run.errorClass(),
          run.message(),
          null,
          before.skippedEntries());
    }
    return new Progress(
        before.lastAttempt(),
        before.lastSuccess(),
        before.lastErrorClass(),
        before.lastError(),
        run.message(),
        before.skippedEntries());
  }

  private static boolean isCircuitOpen(GatewayRun run) {
    return Failures.CIRCUIT_OPEN.equals(run.errorClass());
  }
}
