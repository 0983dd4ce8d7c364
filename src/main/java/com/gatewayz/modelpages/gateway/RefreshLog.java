package com.gatewayz.modelpages.gateway;

import com.gatewayz.modelpages.gateway.RefreshSummary.GatewayRun;
import com.gatewayz.modelpages.gateway.RefreshSummary.Result;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The refresh's log lines: one per gateway, one per skipped list entry (at INFO only when they
 * changed since the last run), a summary. A gateway skipped for a missing key is told at INFO once,
 * then at FINE, so an unset key does not repeat every interval.
 */
final class RefreshLog {

  private static final Logger LOG = Logger.getLogger(RefreshJob.class.getName());

  private RefreshLog() {}

  static void gateway(GatewayRun run, StatusBook.Progress before) {
    Level level =
        switch (run.result()) {
          case OK -> Level.INFO;
          case FAILED -> Level.WARNING;
          case SKIPPED -> run.message().equals(before.skippedReason()) ? Level.FINE : Level.INFO;
        };
    LOG.log(level, line(run));
  }

  static void skippedEntries(
      String gatewayId, List<String> entries, int count, StatusBook.Progress before) {
    Level level = entries.equals(before.skippedEntries()) ? Level.FINE : Level.INFO;
    entries.forEach(entry -> LOG.log(level, "[Gateways] " + gatewayId + ": skipped " + entry));
    if (count > entries.size()) {
      LOG.log(
          level,
          "[Gateways] " + gatewayId + ": skipped " + (count - entries.size()) + " more entries");
    }
  }

  static void summary(RefreshSummary summary) {
    LOG.log(summary.error() == null ? Level.INFO : Level.WARNING, summaryLine(summary));
  }

  static void notStarted(String why) {
    LOG.info("[Gateways] refresh not started: " + why);
  }

  static void applyFailed(String error, RuntimeException e) {
    LOG.log(Level.SEVERE, "[Gateways] " + error + "; the catalog is unchanged", e);
  }

  /** {@code [Gateways] groq: failed after 2 attempts: HTTP 503 (keeping 16 models)} and kin. */
  static String line(GatewayRun run) {
    String head = "[Gateways] " + run.id() + ": ";
    if (run.result() == Result.OK) {
      return head
          + models(run.models())
          + " "
          + changes(run.added(), run.changed(), run.removed())
          + " in "
          + run.millis()
          + " ms"
          + (run.message() == null ? "" : ", " + run.message());
    }
    if (run.result() == Result.SKIPPED) {
      return head + "skipped, " + run.message();
    }
    String failure =
        run.attempts() == 0
            ? run.message()
            : "failed after "
                + run.attempts()
                + (run.attempts() == 1 ? " attempt: " : " attempts: ")
                + run.message();
    return head + failure + " (keeping " + models(run.models()) + ")";
  }

  /**
   * {@code [Gateways] refresh done in 1234 ms: 5 ok, 1 failed, 2 skipped; catalog 412 models (+3
   * added, ...)}.
   */
  static String summaryLine(RefreshSummary summary) {
    return "[Gateways] refresh done in "
        + summary.millis()
        + " ms: "
        + summary.count(Result.OK)
        + " ok, "
        + summary.count(Result.FAILED)
        + " failed, "
        + summary.count(Result.SKIPPED)
        + " skipped; catalog "
        + models(summary.models())
        + " "
        + changes(summary.added(), summary.changed(), summary.removed())
        + (summary.error() == null ? "" : "; " + summary.error());
  }

  private static String models(int count) {
    return count == 1 ? "1 model" : count + " models";
  }

  private static String changes(int added, int changed, int removed) {
    return "(+" + added + " added, " + changed + " changed, " + removed + " removed)";
  }
}
