package com.gatewayz.modelpages.admin;

import com.gatewayz.modelpages.gateway.RefreshSummary;
import com.gatewayz.modelpages.isr.Invalidation;
import com.gatewayz.modelpages.isr.PurgeListener;
import com.gatewayz.modelpages.platform.AuditLog;
import com.gatewayz.modelpages.webhook.WebhookResult;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Turns webhook deliveries, purges, refresh runs and refused admin tokens into {@link AuditLog}
 * entries for the admin page: one short line each, naming counts and the first few names, never
 * whole bodies.
 */
public final class AdminAudit {

  public static final String WEBHOOK = "webhook";
  public static final String PURGE = "purge";
  public static final String REFRESH = "refresh";
  public static final String SIGN_IN = "sign-in";

  static final int NAMES_SHOWN = 3;

  private AdminAudit() {}

  /** A purge listener recording every purge of the page cache. */
  public static PurgeListener purges(AuditLog log) {
    return invalidation -> log.record(PURGE, "purged", describe(invalidation));
  }

  /** A refresh listener recording every refresh run. */
  public static Consumer<RefreshSummary> refreshes(AuditLog log) {
    return summary -> log.record(REFRESH, outcome(summary), describe(summary));
  }

  /** Records one webhook delivery with its outcome. */
  public static void webhook(AuditLog log, WebhookResult result) {
    log.record(WEBHOOK, result.outcome().name().toLowerCase(Locale.ROOT), describe(result.body()));
  }

  /** Records a refused admin token or a lockout ({@code outcome}), naming the client address. */
  static void signIn(AuditLog log, String outcome, String detail) {
    log.record(SIGN_IN, outcome, detail);
  }

  static String describe(Invalidation invalidation) {
    if (invalidation.tags().equals(List.of("*"))) {
      return "everything";
    }
    List<String> names = new ArrayList<>(invalidation.tags());
    names.addAll(invalidation.paths());
    String shown = String.join(", ", names.subList(0, Math.min(NAMES_SHOWN, names.size())));
    String more = names.size() > NAMES_SHOWN ? ", …" : "";
    return "tags="
        + invalidation.tags().size()
        + " paths="
        + invalidation.paths().size()
        + (names.isEmpty() ? "" : ": " + shown + more);
  }

  static String outcome(RefreshSummary summary) {
    long failed = summary.count(RefreshSummary.Result.FAILED);
    if (summary.error() != null || (failed > 0 && summary.count(RefreshSummary.Result.OK) == 0)) {
      return "failed";
    }
    return failed > 0 ? "partial" : "ok";
  }

  static String describe(RefreshSummary summary) {
    String line =
        String.format(
            Locale.ROOT,
            "%d ok, %d failed, %d skipped; catalog %d models (+%d added, %d changed, %d removed)",
            summary.count(RefreshSummary.Result.OK),
            summary.count(RefreshSummary.Result.FAILED),
            summary.count(RefreshSummary.Result.SKIPPED),
            summary.models(),
            summary.added(),
            summary.changed(),
            summary.removed());
    return summary.error() == null ? line : line + "; " + summary.error();
  }

  static String describe(JsonObject body) {
    JsonObject processed = body.get("processed") instanceof JsonObject p ? p : null;
    if (processed != null) {
      return text(processed, "event_type")
          + " for "
          + text(processed, "gateway")
          + ": "
          + processed.getInt("models_count", 0)
          + " models";
    }
    return body.containsKey("error") ? text(body, "error") : "";
  }

  private static String text(JsonObject object, String field) {
    JsonValue value = object.get(field);
    return value != null && value.getValueType() == JsonValue.ValueType.STRING
        ? object.getString(field)
        : "?";
  }
}
