package com.gatewayz.modelpages.admin;

import com.gatewayz.modelpages.edge.EdgeStatus;
import com.gatewayz.modelpages.gateway.GatewayStatus;
import com.gatewayz.modelpages.isr.CacheStats;
import com.gatewayz.modelpages.isr.Isr;
import com.gatewayz.modelpages.platform.AuditLog;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * What {@code WEB-INF/views/admin.jsp} shows: a snapshot taken when the page is requested. Rows are
 * maps so the view reads them by name; every value is plain text for the view to escape.
 */
public final class AdminView {

  private final CacheStats stats;
  private final long entries;
  private final int stamped;
  private final List<String> prerendered;
  private final List<Map<String, Object>> gateways = new ArrayList<>();
  private final List<Map<String, Object>> edges = new ArrayList<>();
  private final List<Map<String, Object>> audit = new ArrayList<>();
  private final AdminFlash flash;
  private final String csrf;

  AdminView(
      Isr isr,
      List<GatewayStatus> statuses,
      List<EdgeStatus> edgeStatuses,
      AuditLog log,
      AdminFlash flash,
      String csrf) {
    this.stats = isr.stats();
    this.entries = isr.entryCount();
    this.stamped = isr.stampCount();
    this.prerendered = List.copyOf(new TreeSet<>(isr.prerenderedKeys()));
    statuses.forEach(status -> gateways.add(row(status)));
    edgeStatuses.forEach(status -> edges.add(row(status)));
    log.entries().forEach(entry -> audit.add(row(entry)));
    this.flash = flash;
    this.csrf = csrf == null ? "" : csrf;
  }

  private static Map<String, Object> row(GatewayStatus status) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", status.id());
    row.put("enabled", status.enabled());
    row.put("last_attempt", time(status.lastAttempt()));
    row.put("last_success", time(status.lastSuccess()));
    row.put("model_count", status.modelCount());
    row.put("circuit_state", status.circuitState());
    row.put("last_error_detail", status.lastError());
    row.put("skipped_reason", status.skippedReason());
    return row;
  }

  private static Map<String, Object> row(EdgeStatus status) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("name", status.name());
    row.put("target", status.target());
    row.put("circuit", status.circuit());
    row.put("pending", status.pending());
    row.put("lag", String.format(Locale.ROOT, "%.1f s", status.lagSeconds()));
    row.put("delivered", status.delivered());
    row.put("failed", status.failed());
    row.put("last_success", time(status.lastSuccess()));
    row.put("last_error", status.lastError());
    return row;
  }

  private static Map<String, Object> row(AuditLog.Entry entry) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("time", time(entry.time()));
    row.put("kind", entry.kind());
    row.put("outcome", entry.outcome());
    row.put("detail", entry.detail());
    return row;
  }

  private static String time(Instant instant) {
    return instant == null ? "—" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  public long getEntries() {
    return entries;
  }

  public String getHitRatio() {
    return String.format(Locale.ROOT, "%.1f %%", stats.hitRatio() * 100);
  }

  public long getHits() {
    return stats.hits();
  }

  public long getStales() {
    return stats.stales();
  }

  public long getMisses() {
    return stats.misses();
  }

  public long getRenders() {
    return stats.renders();
  }

  public long getRenderErrors() {
    return stats.renderErrors();
  }

  public String getRenderP50() {
    return String.format(Locale.ROOT, "%.1f ms", stats.renderMillis(50));
  }

  public String getRenderP99() {
    return String.format(Locale.ROOT, "%.1f ms", stats.renderMillis(99));
  }

  public int getStamped() {
    return stamped;
  }

  public List<String> getPrerendered() {
    return prerendered;
  }

  public List<Map<String, Object>> getGateways() {
    return gateways;
  }

  /** The caches in front of the application that purges are forwarded to; empty when none. */
  public List<Map<String, Object>> getEdges() {
    return edges;
  }

  public List<Map<String, Object>> getAudit() {
    return audit;
  }

  /** The message of the last action, or null. */
  public AdminFlash getFlash() {
    return flash;
  }

  /** The CSRF token of the forms; empty for a page requested with the bearer header. */
  public String getCsrf() {
    return csrf;
  }
}
