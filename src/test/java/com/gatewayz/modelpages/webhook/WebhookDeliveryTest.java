package com.gatewayz.modelpages.webhook;

import static com.gatewayz.modelpages.webhook.Events.added;
import static com.gatewayz.modelpages.webhook.Events.model;
import static com.gatewayz.modelpages.webhook.WebhookFixture.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A delivery opened from its headers: decided before its body, or read in parts and answered. */
class WebhookDeliveryTest {

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

  private WebhookResult inParts(WebhookDelivery delivery, byte[] body, int part)
      throws TooLargeException {
    for (int offset = 0; offset < body.length; offset += part) {
      delivery.append(body, offset, Math.min(part, body.length - offset));
    }
    return delivery.finish();
  }

  @Test
  void anUnsignedDeliveryIsAnsweredFromItsHeadersAlone() {
    WebhookDelivery delivery = site.processor.open(Map.<String, String>of()::get, 1024);

    assertThat(delivery.rejection()).hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(401));
    assertThat(delivery.rejection().get().body().toString())
        .isEqualTo(WebhookVerifier.CLIENT_ERROR_BODY);
    assertThat(log.messages()).containsExactly("[Webhook] Rejected (401): no signature header");
    assertThatThrownBy(() -> delivery.append(GROK, 0, 1)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void withoutASecretEveryDeliveryIs503BeforeItsBody() {
    WebhookFixture disabled = new WebhookFixture(null, null);

    WebhookDelivery delivery = disabled.processor.open(Signer.legacy(SECRET, GROK)::get, 1024);

    assertThat(delivery.rejection()).hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(503));
  }

  @Test
  void aSignedBodyReadInPartsIsAppliedAsTheWholeBodyWouldBe() throws TooLargeException {
    WebhookDelivery delivery = site.processor.open(Signer.legacy(SECRET, GROK)::get, GROK.length);

    WebhookResult result = inParts(delivery, GROK, 7);

    assertThat(delivery.rejection()).isEmpty();
    assertThat(result.status()).isEqualTo(200);
    assertThat(site.catalog.current().find("xai/grok-3")).isPresent();
  }

  @Test
  void aTamperedBodyReadInPartsIs401AndChangesNothing() throws TooLargeException {
    byte[] tampered = GROK.clone();
    tampered[10] ^= 1;
    WebhookDelivery delivery = site.processor.open(Signer.legacy(SECRET, GROK)::get, 1 << 20);

    WebhookResult result = inParts(delivery, tampered, 100);

    assertThat(result.status()).isEqualTo(401);
    assertThat(site.changes).isEmpty();
    assertThat(log.messages()).containsExactly("[Webhook] Rejected (401): signature mismatch");
  }

  @Test
  void aBodyOverTheLimitIsRefusedAtThePartThatCrossesIt() throws TooLargeException {
    WebhookDelivery delivery =
        site.processor.open(Signer.legacy(SECRET, GROK)::get, GROK.length - 1);
    delivery.append(GROK, 0, GROK.length - 1);

    assertThatThrownBy(() -> delivery.append(GROK, GROK.length - 1, 1))
        .isInstanceOf(TooLargeException.class);
  }
}
