package com.gatewayz.modelpages.api;

import com.gatewayz.modelpages.gateway.GatewayStatus;
import com.gatewayz.modelpages.gateway.RefreshJob;
import com.gatewayz.modelpages.gateway.RefreshSchedule;
import com.gatewayz.modelpages.gateway.RefreshSummary;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /api/gateways}: every gateway of the registry with its refresh state and circuit, and
 * how refreshes are scheduled here. Anyone sees the class of a gateway's last error ({@code
 * timeout}, {@code http_503}, ...); its text, which may name hosts and paths, only with the admin
 * token ({@code last_error_detail}). {@code POST /api/gateways/refresh} (admin): refresh now.
 */
@Path("gateways")
@Produces(MediaType.APPLICATION_JSON)
public class GatewaysResource {

  private final RefreshJob refresh;
  private final RefreshSchedule schedule;
  @Inject
  public GatewaysResource(RefreshJob refresh, RefreshSchedule schedule) {
    this.refresh = refresh;
    this.schedule = schedule;
  }

  /**
   * A bearer token is checked by the {@link AdminFilter} (a wrong one is refused, 401 or 503 with
   * admin off, and backs off like on every admin endpoint), so here a bearer header means the admin.
   */
  @GET
  @AdminToken(optional = true)
  public Map<String, Object> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
    boolean details = AdminFilter.isBearer(authorization);
    List<Map<String, Object>> gateways = new ArrayList<>();
    refresh.statuses().forEach(status -> gateways.add(json(status, details)));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("refresh", scheduleJson());
    body.put("gateways", gateways);
    body.put("total", gateways.size());
    return body;
  }

  @POST
  @Path("refresh")
  @AdminToken
  public Map<String, Object> refreshNow() {
    return json(refresh.runOnce());
  }

  private Map<String, Object> scheduleJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("scheduler", schedule.scheduler());
    json.put("interval_seconds", schedule.intervalSeconds());
    json.put("runs", schedule.runs());
    json.put("last_run", text(schedule.lastRun()));
    return json;
  }

  /** One gateway; {@code details} adds the text of its last error (admin only). */
  static Map<String, Object> json(GatewayStatus status, boolean details) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", status.id());
    json.put("name", status.displayName());
    json.put("enabled", status.enabled());
    json.put("deprecated", status.deprecated());
    json.put("last_attempt", text(status.lastAttempt()));
    json.put("last_success", text(status.lastSuccess()));
    json.put("model_count", status.modelCount());
    json.put("last_error", status.lastErrorClass());
    if (details) {
      json.put("last_error_detail", status.lastError());
    }
    json.put("circuit_state", status.circuitState());
    json.put("skipped_reason", status.skippedReason());
    return json;
  }

  static Map<String, Object> json(RefreshSummary summary) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("started_at", text(summary.startedAt()));
    json.put("millis", summary.millis());
    json.put("already_running", summary.alreadyRunning());
    json.put("models", summary.models());
    json.put("added", summary.added());
    json.put("changed", summary.changed());
    json.put("removed", summary.removed());
    json.put("error", summary.error());
    List<Map<String, Object>> runs = new ArrayList<>();
    for (RefreshSummary.GatewayRun run : summary.gateways()) {
      Map<String, Object> runJson = new LinkedHashMap<>();
      runJson.put("id", run.id());
      runJson.put("result", run.result().name().toLowerCase(Locale.ROOT));
      runJson.put("models", run.models());
      runJson.put("added", run.added());
      runJson.put("changed", run.changed());
      runJson.put("removed", run.removed());
      runJson.put("attempts", run.attempts());
      runJson.put("millis", run.millis());
      runJson.put("message", run.message());
      runJson.put("error_class", run.errorClass());
      runs.add(runJson);
    }
    json.put("gateways", runs);
    return json;
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
