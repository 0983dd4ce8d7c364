package com.gatewayz.modelpages.webhook;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.gatewayz.modelpages.testing.MutableClock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookVerifierTest {

  private static final String SECRET = "s3cret-legacy-0123";
  private static final String WHSEC = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
  private static final long NOW = 1614265330L;
  private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(UTF_8);

  private final MutableClock clock = MutableClock.atEpochSeconds(NOW);

  private WebhookVerifier verifier(String setting) {
    return WebhookVerifier.fromSetting(setting, clock).orElseThrow();
  }

  // --- Independent reference implementation, written against javax.crypto directly. ---

  private static byte[] hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static byte[] keyOf(String secret) {
    return secret.startsWith("whsec_")
        ? Base64.getDecoder().decode(secret.substring(6))
        : secret.getBytes(UTF_8);
  }

  private static String legacyHex(String secret, byte[] body) {
    return HexFormat.of().formatHex(hmac(keyOf(secret), body));
  }

  private static String v1(String secret, String id, long timestamp, byte[] body) {
    byte[] prefix = (id + "." + timestamp + ".").getBytes(UTF_8);
    byte[] signed = new byte[prefix.length + body.length];
    System.arraycopy(prefix, 0, signed, 0, prefix.length);
    System.arraycopy(body, 0, signed, prefix.length, body.length);
    return "v1," + Base64.getEncoder().encodeToString(hmac(keyOf(secret), signed));
  }

  private static Map<String, String> headers(String... namesAndValues) {
    Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 0; i < namesAndValues.length; i += 2) {
      map.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return map;
  }

  private static Map<String, String> standard(String id, String timestamp, String signature) {
    return headers(
        "webhook-id", id, "webhook-timestamp", timestamp, "webhook-signature", signature);
  }

  private Verification verify(String setting, Map<String, String> headers, byte[] body) {
    return verifier(setting).verify(headers::get, body);
  }

  private static byte[] tampered(byte[] body) {
    byte[] copy = body.clone();
    copy[copy.length - 2] ^= 1;
    return copy;
  }

  @Nested
  class StandardWebhooks {

    @Test
    void acceptsKnownAnswerVector() {
      Verification result =
          verify(
              WHSEC,
              standard(ID, "1614265330", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="),
              BODY);

      assertThat(result).isEqualTo(Verification.valid(ID));
      assertThat(result.webhookId()).isEqualTo(ID);
    }

    @Test
    void referenceImplementationReproducesVector() {
      assertThat(v1(WHSEC, ID, NOW, BODY))
          .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void acceptsPlainUtf8Secret() {
      Map<String, String> h = standard(ID, "" + NOW, v1(SECRET, ID, NOW, BODY));

      assertThat(verify(SECRET, h, BODY).isValid()).isTrue();
    }

    @Test
    void anyOfSeveralSignaturesMayMatch() {
      String garbage = "v1," + Base64.getEncoder().encodeToString(new byte[32]);
      String header = garbage + " v1a,ignored " + v1(WHSEC, ID, NOW, BODY);

      assertThat(verify(WHSEC, standard(ID, "" + NOW, header), BODY).isValid()).isTrue();
    }

    @Test
    void ignoresOtherVersionPrefixes() {
      String v2 = v1(WHSEC, ID, NOW, BODY).replace("v1,", "v2,");

      assertThat(verify(WHSEC, standard(ID, "" + NOW, v2), BODY).reason())
          .isEqualTo("signature mismatch");
    }

    @Test
    void considersAtMostSixteenSignatures() {
      String garbage = "v1," + Base64.getEncoder().encodeToString(new byte[32]) + " ";
      String valid = v1(WHSEC, ID, NOW, BODY);

      String fifteenThenValid = garbage.repeat(15) + valid;
      String sixteenThenValid = garbage.repeat(16) + valid;

      assertThat(verify(WHSEC, standard(ID, "" + NOW, fifteenThenValid), BODY).isValid()).isTrue();
      assertThat(verify(WHSEC, standard(ID, "" + NOW, sixteenThenValid), BODY).isValid()).isFalse();
    }

    @Test
    void rejectsTamperedBody() {
      Map<String, String> h = standard(ID, "" + NOW, v1(WHSEC, ID, NOW, BODY));

      assertThat(verify(WHSEC, h, tampered(BODY)).reason()).isEqualTo("signature mismatch");
    }

    @Test
    void rejectsTamperedIdOrTimestamp() {
      String signature = v1(WHSEC, ID, NOW, BODY);

      assertThat(verify(WHSEC, standard("msg_other", "" + NOW, signature), BODY).isValid())
          .isFalse();
      assertThat(verify(WHSEC, standard(ID, "" + (NOW + 1), signature), BODY).isValid()).isFalse();
    }

    @Test
    void rejectsWrongSecret() {
      Map<String, String> h =
          standard(ID, "" + NOW, v1("whsec_b3RoZXIta2V5LTAxMjM0NTY3ODk=", ID, NOW, BODY));

      assertThat(verify(WHSEC, h, BODY).isValid()).isFalse();
    }

    @Test
    void rejectsTruncatedSignature() {
      String signature = v1(WHSEC, ID, NOW, BODY);
      String truncated = signature.substring(0, signature.length() - 4);

      assertThat(verify(WHSEC, standard(ID, "" + NOW, truncated), BODY).isValid()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1,", "v1,!!!not*base64!!!", "v1,====", "v1,g0hM9SsE", "v1,%%%% v1,@"})
    void rejectsGarbageBase64WithoutThrowing(String signature) {
      assertThat(verify(WHSEC, standard(ID, "" + NOW, signature), BODY).isValid()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(longs = {-301, 301, -3600, 86400})
    void rejectsTimestampOutsideTolerance(long offset) {
      long timestamp = NOW + offset;
      Map<String, String> h = standard(ID, "" + timestamp, v1(WHSEC, ID, timestamp, BODY));

      assertThat(verify(WHSEC, h, BODY).reason()).isEqualTo("timestamp outside tolerance");
    }

    @ParameterizedTest
    @ValueSource(longs = {-300, 300, 0})
    void acceptsTimestampAtToleranceEdge(long offset) {
      long timestamp = NOW + offset;
      Map<String, String> h = standard(ID, "" + timestamp, v1(WHSEC, ID, timestamp, BODY));

      assertThat(verify(WHSEC, h, BODY).isValid()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
        strings = {"", "abc", "1614265330.0", "-1614265330", "+1614265330", "99999999999999999999"})
    void rejectsNonNumericTimestamp(String timestamp) {
      Map<String, String> h = standard(ID, timestamp, v1(WHSEC, ID, NOW, BODY));

      assertThat(verify(WHSEC, h, BODY).reason())
          .isEqualTo("missing or non-numeric webhook-timestamp");
    }

    @Test
    void rejectsMissingIdOrTimestamp() {
      String signature = v1(WHSEC, ID, NOW, BODY);
      Map<String, String> noId =
          headers("webhook-timestamp", "" + NOW, "webhook-signature", signature);
      Map<String, String> noTimestamp = headers("webhook-id", ID, "webhook-signature", signature);

      assertThat(verify(WHSEC, noId, BODY).reason()).isEqualTo("no webhook-id header");
      assertThat(verify(WHSEC, noTimestamp, BODY).isValid()).isFalse();
    }

    @Test
    void rejectsOverlongId() {
      String id = "m".repeat(257);

      assertThat(verify(WHSEC, standard(id, "" + NOW, v1(WHSEC, id, NOW, BODY)), BODY).isValid())
          .isFalse();
    }

    @Test
    void rejectsOversizedHeaderEvenWithValidSignature() {
      String valid = v1(WHSEC, ID, NOW, BODY);
      String atLimit = valid + " ".repeat(4096 - valid.length());
      String overLimit = atLimit + " ";

      assertThat(verify(WHSEC, standard(ID, "" + NOW, atLimit), BODY).isValid()).isTrue();
      assertThat(verify(WHSEC, standard(ID, "" + NOW, overLimit), BODY).reason())
          .isEqualTo("signature header too long");
    }

    @Test
    void acceptsEmptyBodyWithValidSignature() {
      byte[] empty = new byte[0];

      assertThat(verify(WHSEC, standard(ID, "" + NOW, v1(WHSEC, ID, NOW, empty)), empty).isValid())
          .isTrue();
    }

    @Test
    void looksUpHeadersWhateverTheirCase() {
      Map<String, String> h =
          headers(
              "Webhook-Id",
              ID,
              "WEBHOOK-TIMESTAMP",
              "" + NOW,
              "Webhook-Signature",
              v1(WHSEC, ID, NOW, BODY));

      assertThat(verify(WHSEC, h, BODY)).isEqualTo(Verification.valid(ID));
    }

    @Test
    void takesPrecedenceOverLegacyHeader() {
      Map<String, String> h = standard(ID, "" + NOW, "v1,bogus");
      h.put("x-webhook-signature", legacyHex(WHSEC, BODY));

      assertThat(verify(WHSEC, h, BODY).isValid()).isFalse();
    }
  }

  @Nested
  class Legacy {

    @Test
    void acceptsBareHex() {
      Map<String, String> h = headers("x-webhook-signature", legacyHex(SECRET, BODY));

      assertThat(verify(SECRET, h, BODY)).isEqualTo(Verification.valid(null));
    }

    @Test
    void acceptsUpperCaseHex() {
      String hex = legacyHex(SECRET, BODY).toUpperCase();

      assertThat(verify(SECRET, headers("x-webhook-signature", hex), BODY).isValid()).isTrue();
    }

    @Test
    void acceptsGithubStylePrefix() {
      String lower = "sha256=" + legacyHex(SECRET, BODY);
      String upper = "sha256=" + legacyHex(SECRET, BODY).toUpperCase();

      assertThat(verify(SECRET, headers("x-webhook-signature", lower), BODY).isValid()).isTrue();
      assertThat(verify(SECRET, headers("X-Webhook-Signature", upper), BODY).isValid()).isTrue();
    }

    @Test
    void usesDecodedKeyOfWhsecSecret() {
      Map<String, String> h = headers("x-webhook-signature", legacyHex(WHSEC, BODY));

      assertThat(verify(WHSEC, h, BODY).isValid()).isTrue();
    }

    @Test
    void rejectsTamperedBody() {
      Map<String, String> h = headers("x-webhook-signature", legacyHex(SECRET, BODY));

      assertThat(verify(SECRET, h, tampered(BODY)).reason()).isEqualTo("signature mismatch");
    }

    @Test
    void rejectsWrongSecret() {
      Map<String, String> h = headers("x-webhook-signature", legacyHex("other", BODY));

      assertThat(verify(SECRET, h, BODY).isValid()).isFalse();
    }

    @Test
    void rejectsTruncatedSignature() {
      String hex = legacyHex(SECRET, BODY);

      assertThat(
              verify(SECRET, headers("x-webhook-signature", hex.substring(0, 62)), BODY).isValid())
          .isFalse();
      assertThat(verify(SECRET, headers("x-webhook-signature", hex.substring(1)), BODY).isValid())
          .isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"zz", "sha256=", "sha1=abcd", "not hex at all"})
    void rejectsGarbageWithoutThrowing(String value) {
      assertThat(verify(SECRET, headers("x-webhook-signature", value), BODY).isValid()).isFalse();
    }

    @Test
    void rejectsNonHexOfRightLength() {
      String hex = "g" + legacyHex(SECRET, BODY).substring(1);

      assertThat(verify(SECRET, headers("x-webhook-signature", hex), BODY).isValid()).isFalse();
    }

    @Test
    void rejectsOversizedHeaderEvenWithValidSignature() {
      String hex = legacyHex(SECRET, BODY);
      String atLimit = hex + " ".repeat(4096 - hex.length());

      assertThat(verify(SECRET, headers("x-webhook-signature", atLimit), BODY).isValid()).isTrue();
      assertThat(verify(SECRET, headers("x-webhook-signature", atLimit + " "), BODY).reason())
          .isEqualTo("signature header too long");
    }

    @Test
    void acceptsEmptyBodyWithValidSignature() {
      byte[] empty = new byte[0];
      Map<String, String> h = headers("x-webhook-signature", legacyHex(SECRET, empty));

      assertThat(verify(SECRET, h, empty).isValid()).isTrue();
    }
  }

  @Nested
  class Secrets {

    @Test
    void acceptsSecondSecretDuringRotation() {
      String setting = " old-secret-0123456789 , " + SECRET + " ";
      Map<String, String> h = headers("x-webhook-signature", legacyHex(SECRET, BODY));

      assertThat(verify(setting, h, BODY).isValid()).isTrue();
    }

    @Test
    void acceptsSecondWhsecSecretDuringRotation() {
      String setting = "whsec_b2xkLWtleS0wMTIzNDU2Nzg5," + WHSEC;
      Map<String, String> h = standard(ID, "" + NOW, v1(WHSEC, ID, NOW, BODY));

      assertThat(verify(setting, h, BODY).isValid()).isTrue();
    }

    @Test
    void rejectsWhenNoSecretMatches() {
      Map<String, String> h = headers("x-webhook-signature", legacyHex(SECRET, BODY));

      assertThat(verify("one-secret-0123456789,two-secret-0123456789", h, BODY).isValid())
          .isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", ",", " , ,"})
    void blankSettingIsNotConfigured(String setting) {
      assertThat(WebhookVerifier.fromSetting(setting, clock)).isEmpty();
    }

    @Test
    void nullSettingIsNotConfigured() {
      assertThat(WebhookVerifier.fromSetting(null, clock)).isEmpty();
    }

    @Test
    void invalidWhsecIsConfigurationErrorThatHidesTheSecret() {
      String secret = "whsec_Zm9v-LEAKED*bar";

      assertThatThrownBy(
              () -> WebhookVerifier.fromSetting("good-secret-0123456789," + secret, clock))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("MODEL_WEBHOOK_SECRET")
          .hasNoCause()
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("LEAKED", "Zm9v", "*", "2a"));
    }

    @Test
    void emptyWhsecKeyIsConfigurationError() {
      assertThatThrownBy(() -> WebhookVerifier.fromSetting("whsec_", clock))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("MODEL_WEBHOOK_SECRET");
    }

    @Test
    void toStringHidesSecrets() {
      assertThat(verifier(SECRET).toString()).doesNotContain(SECRET);
    }
  }

  @Test
  void rejectsRequestWithoutSignatureHeaders() {
    assertThat(verify(SECRET, headers("webhook-id", ID), BODY).reason())
        .isEqualTo("no signature header");
    assertThat(verify(SECRET, headers("x-webhook-signature", "  "), BODY).isValid()).isFalse();
  }

  @Test
  void clientBodyIsFixed() {
    assertThat(WebhookVerifier.CLIENT_ERROR_BODY)
        .isEqualTo("{\"error\":\"Invalid webhook signature\"}");
  }
}
