package com.gatewayz.modelpages.webhook;

import static com.gatewayz.modelpages.webhook.Events.RECEIVED;
import static com.gatewayz.modelpages.webhook.Events.event;
import static com.gatewayz.modelpages.webhook.Events.model;
import static com.gatewayz.modelpages.webhook.Events.parse;
import static com.gatewayz.modelpages.webhook.Events.problem;
import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.catalog.Listing;
import com.gatewayz.modelpages.catalog.Pricing;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading valid events: types, models, ids, status, timestamps. */
class WebhookEventTest {

  @Test
  void readsAnAddedEventAsListingsOfItsGateway() throws InvalidEventException {
    WebhookEvent event = parse(event("models.added", "xai", 1_700_000_000L, model("xai/grok-3")));

    assertThat(event.type()).contains(EventType.MODELS_ADDED);
    assertThat(event.gateway()).isEqualTo("xai");
    assertThat(event.eventTime()).isEqualTo(1_700_000_000_000L);
    assertThat(event.modelsCount()).isEqualTo(1);
    Listing listing = event.listings().get(0);
    assertThat(listing.id()).isEqualTo("xai/grok-3");
    assertThat(listing.contextLength()).isEqualTo(131072L);
    assertThat(listing.pricing()).isEqualTo(Pricing.perToken("0.000003", "0.000015"));
  }

  @Test
  void aModelsOwnOfferForTheGatewayGivesItsPrice() throws InvalidEventException {
    JsonValue model =
        Json.createObjectBuilder(model("meta/llama", "0.5", "0.5"))
            .add(
                "offers",
                Json.createArrayBuilder().add(offer("groq", "0.1")).add(offer("xai", "0.2")))
            .build();

    assertThat(
            parse(event("models.updated", "xai", null, model)).listings().get(0).pricing().prompt())
        .isEqualByComparingTo("0.2");
    assertThat(
            parse(event("models.updated", "together", null, model))
                .listings()
                .get(0)
                .pricing()
                .prompt())
        .isEqualByComparingTo("0.5");
  }

  @ParameterizedTest
  @CsvSource({
    "hug, huggingface",
    "HUG, huggingface",
    "HuggingFace, huggingface",
    "XAI, xai",
    "xai, xai"
  })
  void anAliasOrAnyCaseOfAGatewayIsReadAsItsId(String name, String id)
      throws InvalidEventException {
    WebhookEvent event = parse(event("models.added", name, null, model("meta/llama")));

    assertThat(event.gateway()).isEqualTo(id);
  }

  @Test
  void aModelsOfferUnderAnAliasIsTheGatewaysOffer() throws InvalidEventException {
    JsonValue model =
        Json.createObjectBuilder(model("meta/llama", "0.5", "0.5"))
            .add("offers", Json.createArrayBuilder().add(offer("hug", "0.3")))
            .build();

    assertThat(
            parse(event("models.updated", "huggingface", null, model))
                .listings()
                .get(0)
                .pricing()
                .prompt())
        .isEqualByComparingTo("0.3");
  }

  private static JsonValue offer(String gateway, String price) {
    return Json.createObjectBuilder()
        .add("gateway", gateway)
        .add("pricing", Json.createObjectBuilder().add("prompt", price).add("completion", price))
        .build();
  }

  @Test
  void aRemovedEventTakesIdsOrModelObjects() throws InvalidEventException {
    WebhookEvent event =
        parse(
            event(
                "models.removed",
                "xai",
                null,
                Json.createValue("xai/grok-2"),
                model("xai/grok-3")));

    assertThat(event.removedIds()).containsExactly("xai/grok-2", "xai/grok-3");
    assertThat(event.listings()).isEmpty();
  }

  @Test
  void aStatusChangeCarriesATopLevelStatus() throws InvalidEventException {
    WebhookEvent event = parse(Events.status("groq", "degraded", 1_700_000_000L));

    assertThat(event.type()).contains(EventType.GATEWAY_STATUS_CHANGED);
    assertThat(event.status()).isEqualTo("degraded");
    assertThat(event.modelsCount()).isZero();
  }

  @Test
  void anUnknownTypeIsKeptByNameAndItsModelsAreNotRead() throws InvalidEventException {
    WebhookEvent event =
        parse("{\"gateway\":\"xai\",\"event_type\":\"models.renamed\",\"models\":[42]}");

    assertThat(event.type()).isEmpty();
    assertThat(event.eventType()).isEqualTo("models.renamed");
  }

  @ParameterizedTest
  @CsvSource({
    "1700000000, 1700000000000",
    "1700000000.5, 1700000000500",
    "1000000000000, 1000000000000000",
    "1000000000001, 1000000000001",
    "1700000000123, 1700000000123",
    "0, 0"
  })
  void timestampsAreSecondsOrMilliseconds(String timestamp, long millis)
      throws InvalidEventException {
    String body = "{\"gateway\":\"xai\",\"event_type\":\"x\",\"timestamp\":" + timestamp + "}";

    // 10^12 itself is seconds: far in the future, so only checked for its unit here.
    if (millis > RECEIVED + EventJson.MAX_FUTURE_SKEW.toMillis()) {
      assertThat(problem(body))
          .isEqualTo("timestamp: is more than 1 hour ahead of the server clock");
    } else {
      assertThat(parse(body).eventTime()).isEqualTo(millis);
    }
  }

  @Test
  void aMissingTimestampIsTheReceiveTime() throws InvalidEventException {
    assertThat(parse("{\"gateway\":\"xai\",\"event_type\":\"x\"}").eventTime()).isEqualTo(RECEIVED);
    assertThat(parse("{\"gateway\":\"xai\",\"event_type\":\"x\",\"timestamp\":null}").eventTime())
        .isEqualTo(RECEIVED);
  }

  @Test
  void pricesKeepTheirExactDecimals() throws InvalidEventException {
    WebhookEvent event =
        parse(event("models.added", "xai", null, model("a/b", "0.0000007", "0.0000021")));

    assertThat(event.listings().get(0).pricing().prompt()).isEqualTo(new BigDecimal("7E-7"));
  }
}
