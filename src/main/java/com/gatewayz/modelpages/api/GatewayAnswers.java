package com.gatewayz.modelpages.api;

import com.gatewayz.modelpages.gateway.GatewayStatus;
import com.gatewayz.modelpages.gateway.RefreshSchedule;
import com.gatewayz.modelpages.gateway.RefreshSummary;
import com.gatewayz.modelpages.platform.JsonSupport;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The answers of {@link GatewaysResource} as JSON-B records. Field order is the wire order clients
 * have seen (never JSON-B's alphabetical default), and empty values are written as {@code null}.
 */
final class GatewayAnswers {

  private GatewayAnswers() {}

  /** {@code GET /api/gateways}. */
  @JsonbPropertyOrder({"refresh", "gateways", "total"})
  public record Gateways(Schedule refresh, List<Gateway> gateways, int total) {

    static Gateways of(RefreshSchedule schedule, List<GatewayStatus> statuses, boolean details) {
      List<Gateway> gateways =
          statuses.stream().map(status -> Gateway.of(status, details)).toList();
      return new Gateways(Schedule.of(schedule), gateways, gateways.size());
    }
  }

  /** How refreshes are scheduled here. */
  @JsonbPropertyOrder({"scheduler", "intervalSeconds", "runs", "lastRun"})
  public record Schedule(
      @JsonbNillable String scheduler,
      @JsonbProperty("interval_seconds") int intervalSeconds,
      long runs,
      @JsonbProperty("last_run") @JsonbNillable String lastRun) {

    static Schedule of(RefreshSchedule schedule) {
      return new Schedule(
          schedule.scheduler(),
          schedule.intervalSeconds(),
          schedule.runs(),
          text(schedule.lastRun()));
    }
  }

  /**
   * One gateway. {@code lastErrorDetail} is absent for the public (a null reference) and {@link
   * JsonValue#NULL} for the admin when there is no error, as the answer always had it.
   */
  @JsonbPropertyOrder({
    "id",
    "name",
    "enabled",
    "deprecated",
    "lastAttempt",
    "lastSuccess",
    "modelCount",
    "lastError",
    "lastErrorDetail",
    "circuitState",
    "skippedReason"
  })
  public record Gateway(
      @JsonbNillable String id,
      @JsonbNillable String name,
      boolean enabled,
      boolean deprecated,
      @JsonbProperty("last_attempt") @JsonbNillable String lastAttempt,
      @JsonbProperty("last_success") @JsonbNillable String lastSuccess,
      @JsonbProperty("model_count") int modelCount,
      @JsonbProperty("last_error") @JsonbNillable String lastError,
      @JsonbProperty("last_error_detail") JsonValue lastErrorDetail,
      @JsonbProperty("circuit_state") @JsonbNillable String circuitState,
      @JsonbProperty("skipped_reason") @JsonbNillable String skippedReason) {

    /** {@code details} adds the text of the last error (admin only). */
    static Gateway of(GatewayStatus status, boolean details) {
      return new Gateway(
          status.id(),
          status.displayName(),
          status.enabled(),
          status.deprecated(),
          text(status.lastAttempt()),
          text(status.lastSuccess()),
          status.modelCount(),
          status.lastErrorClass(),
          details ? jsonString(status.lastError()) : null,
          status.circuitState(),
          status.skippedReason());
    }
  }

  /** {@code POST /api/gateways/refresh}: what one refresh did. */
  @JsonbPropertyOrder({
    "startedAt",
    "millis",
    "alreadyRunning",
    "models",
    "added",
    "changed",
    "removed",
    "error",
    "gateways"
  })
  public record Refresh(
      @JsonbProperty("started_at") @JsonbNillable String startedAt,
      long millis,
      @JsonbProperty("already_running") boolean alreadyRunning,
      int models,
      int added,
      int changed,
      int removed,
      @JsonbNillable String error,
      List<Run> gateways) {

    static Refresh of(RefreshSummary summary) {
      return new Refresh(
          text(summary.startedAt()),
          summary.millis(),
          summary.alreadyRunning(),
          summary.models(),
          summary.added(),
          summary.changed(),
          summary.removed(),
          summary.error(),
          summary.gateways().stream().map(Run::of).toList());
    }
  }

  /** One gateway in one refresh. */
  @JsonbPropertyOrder({
    "id",
    "result",
    "models",
    "added",
    "changed",
    "removed",
    "attempts",
    "millis",
    "message",
    "errorClass"
  })
  public record Run(
      @JsonbNillable String id,
      @JsonbNillable String result,
      int models,
      int added,
      int changed,
      int removed,
      int attempts,
      long millis,
      @JsonbNillable String message,
      @JsonbProperty("error_class") @JsonbNillable String errorClass) {

    static Run of(RefreshSummary.GatewayRun run) {
      return new Run(
          run.id(),
          run.result().name().toLowerCase(Locale.ROOT),
          run.models(),
          run.added(),
          run.changed(),
          run.removed(),
          run.attempts(),
          run.millis(),
          run.message(),
          run.errorClass());
    }
  }

  static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  private static JsonValue jsonString(String text) {
    return text == null ? JsonValue.NULL : JsonSupport.JSON.createValue(text);
  }
}
