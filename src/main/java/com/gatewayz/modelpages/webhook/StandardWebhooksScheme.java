package com.gatewayz.modelpages.webhook;

import com.gatewayz.modelpages.platform.HmacSha256;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks scheme: {@code webhook-signature: v1,<base64>} entries over {@code
 * "{id}.{timestamp}.{body}"}, with a timestamp within {@link #TOLERANCE_SECONDS} of the clock.
 * Immutable, thread-safe.
 */
final class StandardWebhooksScheme {

  static final String ID_HEADER = "webhook-id";
  static final String TIMESTAMP_HEADER = "webhook-timestamp";
  static final String SIGNATURE_HEADER = "webhook-signature";
  static final long TOLERANCE_SECONDS = 300;
  static final int MAX_SIGNATURES = 16;
  // Ids are kept by the replay guard, so a long one would cost memory for ten minutes.
  static final int MAX_ID_LENGTH = 256;

  private static final String VERSION_PREFIX = "v1,";
  // Base64 of 32 bytes is 44 characters padded; anything longer cannot be a MAC.
  private static final int MAX_BASE64_LENGTH = 44;
  // 18 digits cannot overflow a long, and reach far beyond any plausible timestamp.
  private static final int MAX_TIMESTAMP_DIGITS = 18;

  private final List<SecretKeySpec> keys;
  private final Clock clock;

  StandardWebhooksScheme(List<SecretKeySpec> keys, Clock clock) {
    this.keys = keys;
    this.clock = clock;
  }

  /**
   * Judges the headers: a missing or overlong id, a timestamp outside the window or no decodable
   * {@code v1} signature rejects the delivery before its body.
   */
  SignatureCheck begin(String signatureHeader, Function<String, String> headers) {
    String id = headers.apply(ID_HEADER);
    String timestamp = headers.apply(TIMESTAMP_HEADER);
    Optional<String> problem = headerProblem(id, timestamp);
    if (problem.isPresent()) {
      return SignatureCheck.rejected(problem.get());
    }
    List<byte[]> signatures = signatures(signatureHeader);
    if (signatures.isEmpty()) {
      // Entries of other versions are ignored, so none can match: the same reason as a wrong MAC.
      return SignatureCheck.rejected("signature mismatch");
    }
    byte[] signedPrefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
    return SignatureCheck.expecting(keys, signatures, signedPrefix, id);
  }

  private Optional<String> headerProblem(String id, String timestamp) {
    if (id == null || id.isBlank()) {
      return Optional.of("no webhook-id header");
    }
    if (id.length() > MAX_ID_LENGTH) {
      return Optional.of("webhook-id header too long");
    }
    OptionalLong seconds = parseTimestamp(timestamp);
    if (seconds.isEmpty()) {
      return Optional.of("missing or non-numeric webhook-timestamp");
    }
    long skew = clock.instant().getEpochSecond() - seconds.getAsLong();
    return Math.abs(skew) > TOLERANCE_SECONDS
        ? Optional.of("timestamp outside tolerance")
        : Optional.empty();
  }

  private static OptionalLong parseTimestamp(String value) {
    if (value == null || value.isEmpty() || value.length() > MAX_TIMESTAMP_DIGITS) {
      return OptionalLong.empty();
    }
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) < '0' || value.charAt(i) > '9') {
        return OptionalLong.empty();
      }
    }
    return OptionalLong.of(Long.parseLong(value));
  }

  /** The decodable MACs of the first {@link #MAX_SIGNATURES} {@code v1} entries. */
  static List<byte[]> signatures(String header) {
    List<byte[]> macs = new ArrayList<>();
    int considered = 0;
    for (String entry : header.split(" ")) {
      if (entry.startsWith(VERSION_PREFIX) && considered++ < MAX_SIGNATURES) {
        decodeBase64(entry.substring(VERSION_PREFIX.length())).ifPresent(macs::add);
      }
    }
    return macs;
  }

  private static Optional<byte[]> decodeBase64(String encoded) {
    if (encoded.length() > MAX_BASE64_LENGTH) {
      return Optional.empty();
    }
    try {
      byte[] mac = Base64.getDecoder().decode(encoded);
      return mac.length == HmacSha256.MAC_LENGTH ? Optional.of(mac) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
