package com.gatewayz.modelpages.webhook;

import com.gatewayz.modelpages.platform.Settings;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks the signature of a {@code POST /api/webhooks/models-updated} delivery over its raw body
 * bytes, before anything parses them: the headers first ({@link #begin}, before the body is read),
 * then the body as it streams in ({@link SignatureCheck}).
 *
 * <p>When a {@code webhook-signature} header is present the Standard Webhooks scheme applies
 * ({@code webhook-id}, {@code webhook-timestamp} within 300 s of the clock, space-separated {@code
 * v1,<base64>} entries, any match passes). Otherwise {@code x-webhook-signature} holds the hex
 * HMAC-SHA256 of the body, bare or as {@code sha256=<hex>}. Any configured secret may match
 * (rotation). MACs are compared in constant time; malformed signatures are mismatches, never
 * exceptions. Signature headers longer than {@value #MAX_SIGNATURE_HEADER_LENGTH} characters and
 * entries beyond the 16th are not considered.
 *
 * <p>Immutable and thread-safe. Its {@code toString} never shows a secret.
 */
public final class WebhookVerifier {

  /** The only message a client gets for a rejected delivery, whatever the reason. */
  public static final String CLIENT_ERROR = "Invalid webhook signature";

  /** {@link #CLIENT_ERROR} as the JSON body it is sent in. */
  public static final String CLIENT_ERROR_BODY = "{\"error\":\"" + CLIENT_ERROR + "\"}";

  /** Longer signature headers are rejected unread. */
  public static final int MAX_SIGNATURE_HEADER_LENGTH = 4096;

  private final StandardWebhooksScheme standardWebhooks;
  private final LegacyScheme legacy;

  private WebhookVerifier(List<SecretKeySpec> keys, Clock clock) {
    this.standardWebhooks = new StandardWebhooksScheme(keys, clock);
    this.legacy = new LegacyScheme(keys);
  }

  /**
   * A verifier for the secrets in {@code setting} (the value of {@value Settings#WEBHOOK_SECRET}:
   * comma-separated, each trimmed; {@code whsec_<base64>} is a base64 key, anything else its UTF-8
   * bytes), or empty when no secret is configured (null or blank), in which case the caller answers
   * 503.
   *
   * @throws IllegalArgumentException when a {@code whsec_} secret is not valid base64; the message
   *     names the setting but never quotes the secret
   * @throws NullPointerException when {@code clock} is null
   */
  public static Optional<WebhookVerifier> fromSetting(String setting, Clock clock) {
    Objects.requireNonNull(clock, "clock");
    List<SecretKeySpec> keys = WebhookSecrets.parse(setting);
    return keys.isEmpty() ? Optional.empty() : Optional.of(new WebhookVerifier(keys, clock));
  }

  /**
   * Judges a delivery by its headers, before its body is read: no signature header, a malformed
   * one, an overlong one or (Standard Webhooks) a missing id or a timestamp outside the window
   * reject it at once. Otherwise feed the body to the returned check as it arrives.
   *
   * @param headers the first value of a request header by name, or null when absent; it must match
   *     names case-insensitively, as JAX-RS {@code HttpHeaders::getHeaderString} does
   * @throws NullPointerException when {@code headers} is null
   */
  public SignatureCheck begin(Function<String, String> headers) {
    Objects.requireNonNull(headers, "headers");
    String standardHeader = headers.apply(StandardWebhooksScheme.SIGNATURE_HEADER);
    if (isPresent(standardHeader)) {
      return isTooLong(standardHeader)
          ? tooLong()
          : standardWebhooks.begin(standardHeader, headers);
    }
    String legacyHeader = headers.apply(LegacyScheme.HEADER);
    if (isPresent(legacyHeader)) {
      return isTooLong(legacyHeader) ? tooLong() : legacy.begin(legacyHeader);
    }
    return SignatureCheck.rejected("no signature header");
  }

  /**
   * Verifies a delivery whose whole body is at hand: {@link #begin}, the body, then the verdict.
   *
   * @param headers as for {@link #begin}
   * @param body the raw request body, possibly empty
   * @throws NullPointerException when an argument is null
   */
  public Verification verify(Function<String, String> headers, byte[] body) {
    Objects.requireNonNull(body, "body");
    SignatureCheck check = begin(headers);
    check.update(body, 0, body.length);
    return check.finish();
  }

  private static boolean isPresent(String header) {
    return header != null && !header.isBlank();
  }

  private static boolean isTooLong(String header) {
    return header.length() > MAX_SIGNATURE_HEADER_LENGTH;
  }

  private static SignatureCheck tooLong() {
    return SignatureCheck.rejected("signature header too long");
  }

  @Override
  public String toString() {
    return "WebhookVerifier[secrets hidden]";
  }
}
