package com.gatewayz.modelpages.webhook;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.gatewayz.modelpages.testing.MutableClock;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The signature computed while the body streams in: for every scheme, random bodies cut into random
 * parts verify exactly as the whole body does, against an independent signer; any changed byte
 * fails; and the headers alone reject what cannot pass before a body byte is read.
 */
class SignatureCheckTest {

  private static final String SECRET = "streaming-secret-0123456789";
  private static final String WHSEC = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final long NOW = 1_700_000_000L;

  private final MutableClock clock = MutableClock.atEpochSeconds(NOW);
  private final WebhookVerifier verifier =
      WebhookVerifier.fromSetting("other-secret-0123456789," + SECRET + "," + WHSEC, clock)
          .orElseThrow();

  /** The signing schemes, each as headers for a body, signed by the test's own {@link Signer}. */
  private static final Map<String, BiFunction<byte[], Integer, Map<String, String>>> SCHEMES =
      Map.of(
          "legacy hex", (body, n) -> Signer.legacy(SECRET, body),
          "sha256=", (body, n) -> Signer.prefixed(SECRET, body),
          "standard, plain secret", (body, n) -> Signer.standard(SECRET, "msg_" + n, NOW, body),
          "standard, whsec_ key", (body, n) -> Signer.standard(WHSEC, "msg_" + n, NOW - 200, body));

  private static byte[] randomBody(Random random) {
    byte[] body = new byte[random.nextInt(random.nextBoolean() ? 64 : 40_000)];
    random.nextBytes(body);
    return body;
  }

  /**
   * Feeds {@code body} to a check begun from {@code headers} in random parts, empty ones included.
   */
  private Verification streamed(Map<String, String> headers, byte[] body, Random random) {
    SignatureCheck check = verifier.begin(headers::get);
    int offset = 0;
    while (offset < body.length) {
      int length = Math.min(body.length - offset, random.nextInt(random.nextBoolean() ? 8 : 9000));
      check.update(body, offset, length);
      offset += length;
    }
    return check.finish();
  }

  @Test
  void streamingVerifiesExactlyAsTheWholeBodyForEverySchemeAndChunking() {
    Random random = new Random(20_261_203L);
    for (int n = 0; n < 300; n++) {
      byte[] body = randomBody(random);
      for (var scheme : SCHEMES.entrySet()) {
        Map<String, String> headers = scheme.getValue().apply(body, n);

        Verification whole = verifier.verify(headers::get, body);
        Verification streamed = streamed(headers, body, random);

        assertThat(streamed).as("%s, %d bytes", scheme.getKey(), body.length).isEqualTo(whole);
        assertThat(streamed.isValid()).as("%s, %d bytes", scheme.getKey(), body.length).isTrue();
      }
    }
  }

  @Test
  void anyChangedByteFailsTheStreamedCheck() {
    Random random = new Random(7L);
    for (int n = 0; n < 200; n++) {
      byte[] body = randomBody(random);
      if (body.length == 0) {
        continue;
      }
      for (var scheme : SCHEMES.entrySet()) {
        Map<String, String> headers = scheme.getValue().apply(body, n);
        byte[] changed = body.clone();
        changed[random.nextInt(changed.length)] ^= (byte) (1 + random.nextInt(255));

        assertThat(streamed(headers, changed, random))
            .as(scheme.getKey())
            .isEqualTo(Verification.invalid("signature mismatch"));
      }
    }
  }

  @Test
  void aTruncatedOrExtendedBodyFails() {
    byte[] body = "{\"gateway\":\"xai\"}".getBytes(UTF_8);
    Map<String, String> headers = Signer.legacy(SECRET, body);
    byte[] longer = "{\"gateway\":\"xai\"} ".getBytes(UTF_8);

    SignatureCheck truncated = verifier.begin(headers::get);
    truncated.update(body, 0, body.length - 1);
    SignatureCheck extended = verifier.begin(headers::get);
    extended.update(longer, 0, longer.length);

    assertThat(truncated.finish().isValid()).isFalse();
    assertThat(extended.finish().isValid()).isFalse();
  }

  @Test
  void aWellFormedSignatureWaitsForTheBody() {
    Map<String, String> wrongButWellFormed = Signer.headers("x-webhook-signature", "ab".repeat(32));

    SignatureCheck check = verifier.begin(wrongButWellFormed::get);

    assertThat(check.isRejected()).isFalse();
    assertThat(check.finish().reason()).isEqualTo("signature mismatch");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "zz", "sha256=", "sha1=abcd", "not hex at all", "sha256=12"})
  void aMalformedLegacySignatureIsRejectedBeforeTheBody(String value) {
    Map<String, String> headers = Signer.headers("x-webhook-signature", value);

    SignatureCheck check = verifier.begin(headers::get);

    assertThat(check.isRejected()).isTrue();
    assertThat(check.finish().isValid()).isFalse();
  }

  @Test
  void missingOrOversizedSignatureHeadersAreRejectedBeforeTheBody() {
    List<Map<String, String>> rejected =
        List.of(
            Signer.headers("content-type", "application/json"),
            Signer.headers("webhook-id", "msg_1", "webhook-timestamp", "" + NOW),
            Signer.headers("x-webhook-signature", "ab".repeat(32) + " ".repeat(4096)));

    for (Map<String, String> headers : rejected) {
      assertThat(verifier.begin(headers::get).isRejected()).as(headers.toString()).isTrue();
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {-301, 301, -86_400, 3_600})
  void aStandardTimestampOutsideTheWindowIsRejectedBeforeTheBody(long offset) {
    byte[] body = "{}".getBytes(UTF_8);
    Map<String, String> headers = Signer.standard(WHSEC, "msg_1", NOW + offset, body);

    SignatureCheck check = verifier.begin(headers::get);

    assertThat(check.isRejected()).isTrue();
    assertThat(check.finish().reason()).isEqualTo("timestamp outside tolerance");
  }

  @Test
  void standardHeadersWithoutIdTimestampOrAnyV1SignatureAreRejectedBeforeTheBody() {
    byte[] body = "{}".getBytes(UTF_8);
    Map<String, String> valid = Signer.standard(WHSEC, "msg_1", NOW, body);
    String signature = valid.get("webhook-signature");
    List<Map<String, String>> rejected =
        List.of(
            Signer.headers("webhook-timestamp", "" + NOW, "webhook-signature", signature),
            Signer.headers("webhook-id", "msg_1", "webhook-signature", signature),
            Signer.headers(
                "webhook-id", "msg_1", "webhook-timestamp", "soon", "webhook-signature", signature),
            Signer.headers(
                "webhook-id",
                "msg_1",
                "webhook-timestamp",
                "" + NOW,
                "webhook-signature",
                signature.replace("v1,", "v2,")),
            Signer.headers(
                "webhook-id",
                "msg_1",
                "webhook-timestamp",
                "" + NOW,
                "webhook-signature",
                "v1,!!"));

    for (Map<String, String> headers : rejected) {
      assertThat(verifier.begin(headers::get).isRejected()).as(headers.toString()).isTrue();
    }
    assertThat(verifier.begin(valid::get).isRejected()).isFalse();
  }

  @Test
  void aCheckIsFinishedOnce() {
    SignatureCheck check = verifier.begin(Signer.legacy(SECRET, new byte[0])::get);

    assertThat(check.finish().isValid()).isTrue();
    assertThatThrownBy(check::finish).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> check.update(new byte[1], 0, 1))
        .isInstanceOf(IllegalStateException.class);
  }
}
