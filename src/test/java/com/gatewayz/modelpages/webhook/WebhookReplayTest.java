package com.gatewayz.modelpages.webhook;

import static com.gatewayz.modelpages.webhook.Events.added;
import static com.gatewayz.modelpages.webhook.Events.bytes;
import static com.gatewayz.modelpages.webhook.Events.event;
import static com.gatewayz.modelpages.webhook.Events.model;
import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.catalog.CatalogUpdates;
import com.gatewayz.modelpages.catalog.ModelJson;
import com.gatewayz.modelpages.catalog.ReportedStatus;
import jakarta.json.Json;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Old events sent again: the legacy schemes sign no time, so a captured delivery can be replayed
 * months later. The body's timestamp must be there, must be recent, and loses against anything
 * newer that was applied, removals included.
 */
class WebhookReplayTest {

  private static final long NOW = WebhookFixture.NOW_SECONDS * 1000;
  private static final String ID = "xai/grok-3";

  private final WebhookFixture site = new WebhookFixture();

  @Test
  void aLegacyEventOlderThanTheReplayWindowIsAnsweredStaleAndNotApplied() {
    long tooOld = NOW - CatalogUpdates.MAX_EVENT_AGE.toMillis() - 1;
    byte[] body = added("xai", tooOld, model(ID));

    WebhookResult result =
        site.sendChangingNothing(Signer.legacy(WebhookFixture.SECRET, body), body);

    assertThat(result.status()).isEqualTo(200);
    assertThat(result.outcome()).isEqualTo(WebhookResult.Outcome.STALE);
    assertThat(result.body().getBoolean("stale")).isTrue();
  }

  @Test
  void aLegacyEventWithinTheWindowIsApplied() {
    WebhookResult result =
        site.send(added("xai", NOW - CatalogUpdates.MAX_EVENT_AGE.toMillis() + 1, model(ID)));

    assertThat(result.outcome()).isEqualTo(WebhookResult.Outcome.OK);
    assertThat(site.catalog.current().find(ID)).isPresent();
  }

  @Test
  void aLegacyEventWithoutATimestampIsRejected() {
    byte[] body = event("models.added", "xai", null, model(ID));

    WebhookResult result =
        site.sendChangingNothing(Signer.legacy(WebhookFixture.SECRET, body), body);

    assertThat(result.status()).isEqualTo(400);
    assertThat(result.body().getString("error")).startsWith("timestamp: is required");
  }

  @Test
  void aStandardWebhooksEventOlderThanTheWindowIsStaleToo() {
    byte[] body = added("xai", NOW - Duration.ofDays(30).toMillis(), model(ID));

    WebhookResult result =
        site.sendChangingNothing(
            Signer.standard(WebhookFixture.SECRET, "msg_1", WebhookFixture.NOW_SECONDS, body),
            body);

    assertThat(result.outcome()).isEqualTo(WebhookResult.Outcome.STALE);
  }

  @Test
  void aReplayedAddOlderThanTheRefreshesThatDroppedTheModelDoesNotBringItBack() {
    byte[] add = added("xai", NOW - 10_000, model(ID));
    site.send(add);
    site.catalog.update(state -> CatalogUpdates.refresh(state, "xai", List.of(), NOW - 5_000));
    site.catalog.update(state -> CatalogUpdates.refresh(state, "xai", List.of(), NOW - 4_000));
    assertThat(site.catalog.current().find(ID)).isEmpty();
    site.clock.advance(Duration.ofDays(2));
    site.changes.clear();
    site.purges.clear();

    WebhookResult replayed =
        site.sendChangingNothing(Signer.legacy(WebhookFixture.SECRET, add), add);

    assertThat(replayed.outcome()).isEqualTo(WebhookResult.Outcome.STALE);
    assertThat(site.catalog.current().find(ID)).isEmpty();
    assertThat(site.catalog.current().retired(ID)).isPresent();
  }

  @Test
  void anAddWithTheRemovalsTimestampLosesToIt() {
    site.send(added("xai", NOW - 2_000, model(ID)));
    site.send(event("models.removed", "xai", NOW - 1_000, Json.createValue(ID)));

    WebhookResult sameTime = site.send(added("xai", NOW - 1_000, model(ID)));

    assertThat(sameTime.outcome()).isEqualTo(WebhookResult.Outcome.STALE);
    assertThat(site.catalog.current().find(ID)).isEmpty();
  }

  @Test
  void aStatusChangeOlderThanTheLastAppliedIsStaleAndPurgesNothing() {
    site.send(Events.status("groq", "down", NOW - 1_000));
    site.purges.clear();

    WebhookResult older = site.send(Events.status("groq", "up", NOW - 2_000));

    assertThat(older.outcome()).isEqualTo(WebhookResult.Outcome.STALE);
    assertThat(site.catalog.state().gatewayStatus())
        .containsEntry("groq", new ReportedStatus("down", NOW - 1_000));
    assertThat(site.purges).isEmpty();
  }

  @Test
  void controlAndBidiCharactersNeverReachTheCatalogOrTheApi() {
    String hostile = "Grok\u0000\u202E3\u0085\u009B\u2066 mini\u0007";
    byte[] body =
        bytes(
            Events.envelope("models.added", "xai", NOW)
                .add(
                    "models",
                    Json.createArrayBuilder()
                        .add(
                            Json.createObjectBuilder()
                                .add("id", ID)
                                .add("name", hostile)
                                .add("provider_slug", "x\u202Eai")
                                .add("description", "Fast.\u0000\n\tSecond line\u202E.")
                                .add(
                                    "supported_parameters",
                                    Json.createArrayBuilder().add("to\u200Fols"))))
                .build());

    assertThat(site.send(body).outcome()).isEqualTo(WebhookResult.Outcome.OK);

    var model = site.catalog.current().find(ID).orElseThrow();
    assertThat(model.name()).isEqualTo("Grok3 mini");
    assertThat(model.description()).isEqualTo("Fast.\n\tSecond line.");
    assertThat(model.supportedParameters()).containsExactly("tools");
    String json = ModelJson.write(model).toString();
    assertThat(json)
        .doesNotContain("\\u0000", "\u202E", "\u0085", "\u009B", "\u2066", "\\u0007", "\u200F");
  }
}
