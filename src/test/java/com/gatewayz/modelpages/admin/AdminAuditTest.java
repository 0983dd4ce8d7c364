package com.gatewayz.modelpages.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.isr.Invalidation;
import com.gatewayz.modelpages.platform.AuditLog;
import com.gatewayz.modelpages.testing.MutableClock;
import com.gatewayz.modelpages.webhook.WebhookResult;
import jakarta.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Audit lines name counts and the first few names, never whole bodies. */
class AdminAuditTest {

  private final AuditLog log = new AuditLog(MutableClock.atEpochSeconds(1_700_000_000L));

  @Test
  void aPurgeNamesItsCountsAndTheFirstThreeNames() {
    AdminAudit.purges(log)
        .purged(
            new Invalidation(
                List.of("model:a/b", "models:list", "x", "y"), List.of("/models/a/b")));
    AdminAudit.purges(log).purged(new Invalidation(List.of("*"), List.of()));

    assertThat(log.entries())
        .extracting(AuditLog.Entry::kind, AuditLog.Entry::outcome, AuditLog.Entry::detail)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("purge", "purged", "everything"),
            org.assertj.core.groups.Tuple.tuple(
                "purge", "purged", "tags=4 paths=1: model:a/b, models:list, x, …"));
  }

  @Test
  void aWebhookNamesItsEventOrItsError() {
    var processed =
        Json.createObjectBuilder()
            .add("event_type", "models.removed")
            .add("gateway", "groq")
            .add("models_count", 2);
    AdminAudit.webhook(
        log,
        new WebhookResult(
            200,
            Json.createObjectBuilder().add("processed", processed).build(),
            WebhookResult.Outcome.OK));
    AdminAudit.webhook(
        log,
        new WebhookResult(
            400,
            Json.createObjectBuilder().add("error", "models[0].id: bad").build(),
            WebhookResult.Outcome.INVALID));

    assertThat(log.entries())
        .extracting(AuditLog.Entry::outcome, AuditLog.Entry::detail)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("invalid", "models[0].id: bad"),
            org.assertj.core.groups.Tuple.tuple("ok", "models.removed for groq: 2 models"));
  }
}
