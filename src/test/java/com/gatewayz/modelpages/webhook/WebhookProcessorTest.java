package com.gatewayz.modelpages.webhook;

import static com.gatewayz.modelpages.webhook.Events.added;
import static com.gatewayz.modelpages.webhook.Events.bytes;
import static com.gatewayz.modelpages.webhook.Events.model;
import static com.gatewayz.modelpages.webhook.WebhookFixture.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.catalog.CatalogReplica;
import com.gatewayz.modelpages.catalog.CatalogState;
import com.gatewayz.modelpages.catalog.CatalogStore;
import com.gatewayz.modelpages.catalog.CatalogUpdates;
import com.gatewayz.modelpages.isr.PurgeFailedException;
import jakarta.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The flow behind the resource: answers, log lines, replays, failures, GET. */
class WebhookProcessorTest {

  private static final byte[] GROK = added("xai", 1_700_000_000_123L, model("xai/grok-3"));

  private final WebhookFixture site = new WebhookFixture();
  private final LogCapture log = new LogCapture(WebhookProcessor.class);

  @BeforeEach
  void captureLog() {
    log.attach();
  }

  @AfterEach
  void releaseLog() {
    log.detach();
  }

  @Test
  void anAppliedEventAnswersTheDocumentedShape() {
    WebhookResult result = site.send(GROK);

    assertThat(result.status()).isEqualTo(200);
    assertThat(result.outcome()).isEqualTo(WebhookResult.Outcome.OK);
    assertThat(result.body().toString())
        .isEqualTo(
            "{\"success\":true,\"processed\":{\"event_type\":\"models.added\",\"gateway\":\"xai\","
                + "\"models_count\":1,\"invalidated\":{\"tags\":[\"model:xai/grok-3\",\"models:list\"],"
                + "\"paths\":[\"/models/xai/grok-3\"]}},\"timestamp\":"
                + site.nowMillis()
                + "}");
  }

  @Test
  void logsTheTwoDocumentedLines() {
    site.send(GROK);

    assertThat(log.messages())
        .containsExactly(
            "[Webhook] Model update received: models.added for xai",
            "[Webhook] Cache invalidated: tags=2 paths=1");
  }

  @Test
  void aReplayedWebhookIdIsAcknowledgedAsADuplicateAndNotApplied() {
    Map<String, String> headers =
        Signer.standard(SECRET, "msg_1", WebhookFixture.NOW_SECONDS, GROK);
    site.send(headers, GROK);
    site.catalog.update(
        state -> CatalogUpdates.remove(state, "xai", List.of("xai/grok-3"), 1_700_000_000_124L));
    site.changes.clear();
    CatalogState before = site.catalog.state();

    WebhookResult replay = site.send(headers, GROK);

    assertThat(replay.status()).isEqualTo(200);
    assertThat(replay.outcome()).isEqualTo(WebhookResult.Outcome.DUPLICATE);
    assertThat(replay.body().getBoolean("duplicate")).isTrue();
    assertThat(replay.body().getJsonObject("processed").getInt("models_count")).isEqualTo(1);
    assertThat(site.catalog.state()).isEqualTo(before);
    assertThat(site.changes).isEmpty();
  }

  @Test
  void theSameIdIsFreshAgainAfterTenMinutes() {
    site.send(Signer.standard(SECRET, "msg_1", WebhookFixture.NOW_SECONDS, GROK), GROK);
    site.clock.advance(Duration.ofMinutes(10));
    long now = site.clock.instant().getEpochSecond();

    WebhookResult later = site.send(Signer.standard(SECRET, "msg_1", now, GROK), GROK);

    assertThat(later.outcome()).isEqualTo(WebhookResult.Outcome.OK);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{",
        "[]",
        "{\"gateway\":\"xai\",\"event_type\":\"models.added\",\"models\":[{\"id\":\"../etc\"}]}",
        "{\"gateway\":\"xai\",\"event_type\":\"models.added\",\"models\":[{\"id\":\"<script>\"}]}",
        "{\"gateway\":\"xai\",\"event_type\":\"models.added\",\"models\":[{\"id\":\"a//b\"}]}",
        "{\"gateway\":\"xai\",\"event_type\":\"models.removed\",\"models\":[\"a/b\",\"../etc\"]}",
        "{\"gateway\":\"xai\",\"event_type\":\"models.added\",\"models\":[{\"id\":\"a/b\",\"context_length\":\"big\"}]}",
        "{\"gateway\":\"xai\",\"event_type\":\"models.added\",\"timestamp\":\"now\",\"models\":[]}",
        "{\"gateway\":\"xai\",\"event_type\":\"gateway.status_changed\",\"status\":\"<b>down</b>\"}"
      })
  void aBadEventIsRejectedWholeNamingTheField(String json) {
    site.send(added("xai", 1_700_000_000_000L, model("xai/grok-3"), model("xai/grok-2")));
    site.changes.clear();
    byte[] body = bytes(json);

    WebhookResult result =
        site.sendChangingNothing(
            Signer.standard(SECRET, "msg_bad", WebhookFixture.NOW_SECONDS, body), body);

    assertThat(result.status()).isEqualTo(400);
    assertThat(result.outcome()).isEqualTo(WebhookResult.Outcome.INVALID);
    assertThat(result.body().keySet()).containsExactly("error");
    assertThat(result.body().getString("error"))
        .matches("(invalid JSON|models\\[\\d]|timestamp|status).*");
    // A rejected delivery was never claimed: the corrected retry with the same id is processed.
    assertThat(site.replays.claim("msg_bad")).isEqualTo(ReplayGuard.Claim.NEW);
  }

  @Test
  void anEventForAnAliasIsKeptUnderTheGatewaysId() {
    WebhookResult result = site.send(added("Hug", 1_700_000_000_000L, model("meta/llama")));

    assertThat(result.outcome()).isEqualTo(WebhookResult.Outcome.OK);
    assertThat(result.body().getJsonObject("processed").getString("gateway"))
        .isEqualTo("huggingface");
    assertThat(site.catalog.state().sources()).containsOnlyKeys("huggingface");
  }

  @Test
  void anEventForAnUnknownGatewayIs400NamingItAndChangesNothing() {
    byte[] body = added("hugg", 1_700_000_000_000L, model("meta/llama"));

    WebhookResult result =
        site.sendChangingNothing(
            Signer.standard(SECRET, "msg_unknown", WebhookFixture.NOW_SECONDS, body), body);

    assertThat(result.status()).isEqualTo(400);
    assertThat(result.outcome()).isEqualTo(WebhookResult.Outcome.INVALID);
    assertThat(result.body().toString())
        .isEqualTo(
            "{\"error\":\"gateway: unknown gateway 'hugg'; known: openrouter, groq, together, xai, huggingface\"}");
    assertThat(site.replays.claim("msg_unknown")).isEqualTo(ReplayGuard.Claim.NEW);
  }

  @Test
  void aHostileIdIsRejectedWithItsPosition() {
    String longId = "x/" + "a".repeat(298);
    byte[] body =
        Events.event(
            "models.added",
            "xai",
            1_700_000_000L,
            model("xai/ok"),
            model("xai/ok2"),
            model("xai/ok3"),
            model("xai/x<y"),
            model(longId));

    WebhookResult result = site.sendChangingNothing(Signer.legacy(SECRET, body), body);

    assertThat(result.body().getString("error"))
        .isEqualTo("models[3].id: contains a character that is not allowed at position 6");
  }

  @Test
  void anUnknownEventTypeIsIgnored() {
    byte[] body = bytes(Events.envelope("models.renamed", "xai", 1_700_000_000L).build());

    WebhookResult result = site.sendChangingNothing(Signer.legacy(SECRET, body), body);

    assertThat(result.status()).isEqualTo(200);
    assertThat(result.outcome()).isEqualTo(WebhookResult.Outcome.IGNORED);
    assertThat(result.body().toString())
        .startsWith(
            "{\"success\":true,\"ignored\":true,\"processed\":{\"event_type\":\"models.renamed\",\"gateway\":\"xai\"");
  }

  @Test
  void aFailedStoreAnswers500AppliesNothingAndReleasesTheId(@TempDir Path dir) throws IOException {
    Path notADirectory = Files.writeString(dir.resolve("file"), "x");
    WebhookFixture broken = new WebhookFixture(SECRET, new CatalogStore(notADirectory));
    CatalogState before = broken.catalog.state();

    WebhookResult result =
        broken.send(Signer.standard(SECRET, "msg_1", WebhookFixture.NOW_SECONDS, GROK), GROK);

    assertThat(result.status()).isEqualTo(500);
    assertThat(result.outcome()).isEqualTo(WebhookResult.Outcome.ERROR);
    assertThat(result.body().getString("error")).doesNotContain(notADirectory.toString());
    assertThat(broken.catalog.state()).isEqualTo(before);
    assertThat(broken.changes).isEmpty();
    assertThat(broken.replays.claim("msg_1")).isEqualTo(ReplayGuard.Claim.NEW);
  }

  @Test
  void anUnreachableSharedCatalogAnswers503AppliesNothingAndReleasesTheId() {
    site.catalog.joinReplica(new UnreachableReplica());
    CatalogState before = site.catalog.state();

    WebhookResult result =
        site.send(Signer.standard(SECRET, "msg_1", WebhookFixture.NOW_SECONDS, GROK), GROK);

    assertThat(result.status()).isEqualTo(503);
    assertThat(result.outcome()).isEqualTo(WebhookResult.Outcome.UNAVAILABLE);
    assertThat(result.body().getString("error")).contains("shared catalog cannot be reached");
    assertThat(site.catalog.state()).isEqualTo(before);
    assertThat(site.changes).isEmpty();
    assertThat(site.purges).isEmpty();
    assertThat(site.replays.claim("msg_1")).isEqualTo(ReplayGuard.Claim.NEW);
  }

  @Test
  void aPurgeTheClusterCannotConfirmAnswers503AndReleasesTheId() {
    Purger unconfirmed =
        (tags, paths) -> {
          throw new PurgeFailedException("the Terracotta server did not confirm the purge", null);
        };
    WebhookProcessor processor = site.processorWith(unconfirmed);
    byte[] body = Events.status("xai", "down", 1_700_000_000_123L);

    WebhookResult result =
        processor.process(
            Signer.standard(SECRET, "msg_1", WebhookFixture.NOW_SECONDS, body)::get, body);

    // The status is stored; its purge is owed to the retry, which the released id lets through.
    assertThat(result.status()).isEqualTo(503);
    assertThat(result.outcome()).isEqualTo(WebhookResult.Outcome.NOT_PURGED);
    assertThat(site.replays.claim("msg_1")).isEqualTo(ReplayGuard.Claim.NEW);
  }

  /** A cluster whose server is gone: the version is unknown and nothing can be published. */
  private static final class UnreachableReplica implements CatalogReplica {
    @Override
    public boolean isShared() {
      return true;
    }

    @Override
    public long version() {
      return -1;
    }

    @Override
    public Optional<Replicated> read() {
      return Optional.empty();
    }

    @Override
    public boolean publish(long basedOn, CatalogState state) {
      return false;
    }
  }

  @Test
  void theResourceCanAnswerTooLargeAndUnsupportedMediaType() {
    assertThat(WebhookResult.tooLarge(4_194_304).body().toString())
        .isEqualTo("{\"error\":\"body larger than 4194304 bytes\"}");
    assertThat(WebhookResult.tooLarge(10).status()).isEqualTo(413);
    assertThat(WebhookResult.tooLarge(10).outcome()).isEqualTo(WebhookResult.Outcome.TOO_LARGE);
    WebhookResult unsupported = WebhookResult.unsupportedMediaType();
    assertThat(unsupported.status()).isEqualTo(415);
    assertThat(unsupported.outcome()).isEqualTo(WebhookResult.Outcome.UNSUPPORTED_TYPE);
    assertThat(unsupported.body().toString())
        .isEqualTo("{\"error\":\"content type must be application/json\"}");
  }

  @Test
  void recognisesJsonContentTypes() {
    assertThat(WebhookProcessor.isJsonContentType("application/json")).isTrue();
    assertThat(WebhookProcessor.isJsonContentType("Application/JSON; charset=utf-8")).isTrue();
    assertThat(WebhookProcessor.isJsonContentType("application/cloudevents+json")).isTrue();
    assertThat(WebhookProcessor.isJsonContentType("text/plain")).isFalse();
    assertThat(WebhookProcessor.isJsonContentType("application/x-www-form-urlencoded")).isFalse();
    assertThat(WebhookProcessor.isJsonContentType(null)).isFalse();
  }

  @Test
  void describesItselfForGet() {
    assertThat(site.processor.describe("/ctx"))
        .isEqualTo(
            Json.createObjectBuilder()
                .add("status", "active")
                .add("endpoint", "/ctx/api/webhooks/models-updated")
                .add(
                    "supported_events",
                    Json.createArrayBuilder()
                        .add("models.added")
                        .add("models.updated")
                        .add("models.removed")
                        .add("gateway.status_changed"))
                .build());
    assertThat(new WebhookFixture(null, null).processor.describe("").getString("status"))
        .isEqualTo("disabled");
  }
}
