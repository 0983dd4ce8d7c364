package com.gatewayz.modelpages.webhook;

import static com.gatewayz.modelpages.webhook.Events.added;
import static com.gatewayz.modelpages.webhook.Events.event;
import static com.gatewayz.modelpages.webhook.Events.model;
import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.catalog.CacheTags;
import com.gatewayz.modelpages.catalog.CatalogState;
import com.gatewayz.modelpages.catalog.Model;
import com.gatewayz.modelpages.catalog.ReportedStatus;
import com.gatewayz.modelpages.isr.Invalidation;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What each event does to the catalog, and what it answers. */
class WebhookCatalogTest {

  private static final long T = 1_700_000_000_000L;

  private final WebhookFixture site = new WebhookFixture();

  private Model grok() {
    return site.catalog.current().find("xai/grok-3").orElseThrow();
  }

  private static List<String> tags(WebhookResult result) {
    return strings(result, "tags");
  }

  private static List<String> strings(WebhookResult result, String field) {
    JsonObject invalidated = result.body().getJsonObject("processed").getJsonObject("invalidated");
    return invalidated.getJsonArray(field).getValuesAs(jakarta.json.JsonString::getString);
  }

  @Test
  void anAddedModelIsVisibleWhenTheWebhookReturns() {
    assertThat(site.catalog.current().find("xai/grok-3")).isEmpty();

    site.send(added("xai", T, model("xai/grok-3")));

    assertThat(grok().pricing().prompt()).isEqualByComparingTo("0.000003");
    assertThat(grok().sourceGateways()).containsExactly("xai");
    assertThat(site.changes)
        .singleElement()
        .satisfies(c -> assertThat(c.added()).containsExactly("xai/grok-3"));
  }

  @Test
  void anUpdatedPriceReplacesTheOldOne() {
    site.send(added("xai", T, model("xai/grok-3")));

    WebhookResult result =
        site.send(
            event("models.updated", "xai", T + 1, model("xai/grok-3", "0.000002", "0.00001")));

    assertThat(grok().pricing().prompt()).isEqualByComparingTo(new BigDecimal("0.000002"));
    assertThat(tags(result)).containsExactly("model:xai/grok-3", "models:list");
    assertThat(strings(result, "paths")).containsExactly("/models/xai/grok-3");
  }

  @Test
  void aRemovedModelIsRetiredAndComesBackWhenAddedAgain() {
    site.send(added("xai", T, model("xai/grok-3")));

    WebhookResult removed =
        site.send(event("models.removed", "xai", T + 1, Json.createValue("xai/grok-3")));

    assertThat(removed.outcome()).isEqualTo(WebhookResult.Outcome.OK);
    assertThat(tags(removed)).containsExactly("model:xai/grok-3", "models:list");
    assertThat(site.catalog.current().find("xai/grok-3")).isEmpty();
    assertThat(site.catalog.current().retired("xai/grok-3")).isPresent();

    site.send(added("xai", T + 2, model("xai/grok-3")));

    assertThat(site.catalog.current().find("xai/grok-3")).isPresent();
    assertThat(site.catalog.current().retired("xai/grok-3")).isEmpty();
  }

  @Test
  void aStatusChangeIsRecordedAndPurgesTheGatewayAndListTags() {
    WebhookResult result = site.send(Events.status("groq", "down", 1_700_000_000L));

    assertThat(result.outcome()).isEqualTo(WebhookResult.Outcome.OK);
    assertThat(site.catalog.state().gatewayStatus())
        .containsEntry("groq", new ReportedStatus("down", 1_700_000_000_000L));
    assertThat(site.purges)
        .containsExactly(
            new Invalidation(List.of(CacheTags.gateway("groq"), CacheTags.LIST), List.of()));
    assertThat(tags(result)).containsExactly("models:gateway:groq", "models:list");
    assertThat(result.body().getJsonObject("processed").getString("status")).isEqualTo("down");
  }

  @Test
  void anEventOlderThanWhatWasAppliedIsStaleAndChangesNothing() {
    site.send(added("xai", T + 10, model("xai/grok-3", "0.000002", "0.00001")));
    CatalogState before = site.catalog.state();
    site.changes.clear();

    WebhookResult result =
        site.send(event("models.updated", "xai", T, model("xai/grok-3", "0.9", "0.9")));

    assertThat(result.status()).isEqualTo(200);
    assertThat(result.outcome()).isEqualTo(WebhookResult.Outcome.STALE);
    assertThat(result.body().getBoolean("stale")).isTrue();
    assertThat(tags(result)).isEmpty();
    assertThat(site.catalog.state()).isEqualTo(before);
    assertThat(site.changes).isEmpty();
  }

  @Test
  void aStaleRemovalDoesNotRemove() {
    site.send(added("xai", T + 10, model("xai/grok-3")));

    WebhookResult result =
        site.send(event("models.removed", "xai", T, Json.createValue("xai/grok-3")));

    assertThat(result.outcome()).isEqualTo(WebhookResult.Outcome.STALE);
    assertThat(site.catalog.current().find("xai/grok-3")).isPresent();
  }

  @Test
  void aPartlyStaleEventAppliesItsFreshModelsOnly() {
    site.send(added("xai", T + 10, model("xai/grok-3", "0.000002", "0.00001")));

    WebhookResult result =
        site.send(added("xai", T, model("xai/grok-3", "0.9", "0.9"), model("xai/grok-4")));

    assertThat(result.outcome()).isEqualTo(WebhookResult.Outcome.OK);
    assertThat(result.body().containsKey("stale")).isFalse();
    assertThat(result.body().getJsonObject("processed").getInt("stale_count")).isEqualTo(1);
    assertThat(grok().pricing().prompt()).isEqualByComparingTo("0.000002");
    assertThat(site.catalog.current().find("xai/grok-4")).isPresent();
    assertThat(tags(result)).containsExactly("model:xai/grok-4", "models:list");
  }

  @Test
  void anEventAtTheSameTimeAsTheAppliedOneIsNotStale() {
    site.send(added("xai", T, model("xai/grok-3")));

    WebhookResult again = site.send(added("xai", T, model("xai/grok-3")));

    assertThat(again.outcome()).isEqualTo(WebhookResult.Outcome.OK);
    assertThat(tags(again)).isEmpty();
  }

  @Test
  void oneGatewaysRemovalLeavesTheOtherGatewaysOffer() {
    site.send(added("xai", T, model("xai/grok-3", "0.000003", "0.000015")));
    site.send(added("openrouter", T, model("xai/grok-3", "0.000004", "0.00002")));

    site.send(event("models.removed", "xai", T + 1, Json.createValue("xai/grok-3")));

    assertThat(grok().sourceGateways()).containsExactly("openrouter");
    assertThat(grok().pricing().prompt()).isEqualByComparingTo("0.000004");
  }
}
