package com.gatewayz.modelpages.webhook;

import static com.gatewayz.modelpages.webhook.Events.added;
import static com.gatewayz.modelpages.webhook.Events.bytes;
import static com.gatewayz.modelpages.webhook.Events.model;
import static com.gatewayz.modelpages.webhook.WebhookFixture.SECRET;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every signature scheme end to end; every bad signature answered 401, changing nothing. */
class WebhookSignatureTest {

  private static final String WHSEC = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
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
  void everySignatureSchemeIsAcceptedEndToEnd() {
    WebhookFixture rotated =
        new WebhookFixture("old-secret-0123456789, " + SECRET + "," + WHSEC, null);
    long now = WebhookFixture.NOW_SECONDS;

    List<Map<String, String>> deliveries =
        List.of(
            Signer.legacy(SECRET, body(1)),
            Signer.prefixed("old-secret-0123456789", body(2)),
            Signer.standard(WHSEC, "msg_3", now, body(3)),
            Signer.standard(SECRET, "msg_4", now - 299, body(4)));

    for (int i = 0; i < deliveries.size(); i++) {
      assertThat(rotated.send(deliveries.get(i), body(i + 1)).status())
          .as("scheme %d", i)
          .isEqualTo(200);
    }
    assertThat(rotated.catalog.current().size()).isEqualTo(4);
  }

  private static byte[] body(int n) {
    return added("xai", 1_700_000_000_000L + n, model("xai/m" + n));
  }

  @Test
  void aTamperedBodyIsUnauthorized() {
    Map<String, String> headers = Signer.legacy(SECRET, GROK);
    byte[] tampered = new String(GROK, UTF_8).replace("0.000003", "0.000001").getBytes(UTF_8);

    assertUnauthorized(site.sendChangingNothing(headers, tampered));
  }

  @Test
  void aWrongSecretIsUnauthorized() {
    assertUnauthorized(site.sendChangingNothing(Signer.legacy("not-the-secret", GROK), GROK));
    assertUnauthorized(
        site.sendChangingNothing(
            Signer.standard("whsec_b3RoZXIta2V5", "msg_1", WebhookFixture.NOW_SECONDS, GROK),
            GROK));
  }

  @Test
  void aTruncatedSignatureIsUnauthorized() {
    Map<String, String> headers = Signer.legacy(SECRET, GROK);
    headers.put("x-webhook-signature", headers.get("x-webhook-signature").substring(0, 63));

    assertUnauthorized(site.sendChangingNothing(headers, GROK));
  }

  @Test
  void aMissingSignatureIsUnauthorized() {
    assertUnauthorized(site.sendChangingNothing(Signer.headers(), GROK));
  }

  @Test
  void anOldStandardWebhooksTimestampIsUnauthorized() {
    long old = WebhookFixture.NOW_SECONDS - 301;

    assertUnauthorized(site.sendChangingNothing(Signer.standard(SECRET, "msg_1", old, GROK), GROK));
    assertThat(log.records())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getLevel()).isEqualTo(Level.WARNING);
              assertThat(r.getMessage())
                  .isEqualTo("[Webhook] Rejected (401): timestamp outside tolerance");
            });
  }

  private static void assertUnauthorized(WebhookResult result) {
    assertThat(result.status()).isEqualTo(401);
    assertThat(result.outcome()).isEqualTo(WebhookResult.Outcome.UNAUTHORIZED);
    assertThat(result.body().toString()).isEqualTo("{\"error\":\"Invalid webhook signature\"}");
  }

  @Test
  void theSecretNeverReachesTheLog() {
    site.send(Signer.legacy("wrong", GROK), GROK);
    site.send(GROK);
    site.send(bytes("{"));

    assertThat(log.messages()).noneMatch(m -> m.contains(SECRET));
  }

  @Test
  void withoutASecretTheWebhookIsDisabled() {
    WebhookFixture disabled = new WebhookFixture(" ", null);

    WebhookResult result = disabled.send(Signer.legacy(SECRET, GROK), GROK);

    assertThat(result.status()).isEqualTo(503);
    assertThat(result.outcome()).isEqualTo(WebhookResult.Outcome.DISABLED);
    assertThat(result.body().toString()).isEqualTo("{\"error\":\"webhook secret not configured\"}");
    assertThat(disabled.catalog.current().size()).isZero();
  }
}
