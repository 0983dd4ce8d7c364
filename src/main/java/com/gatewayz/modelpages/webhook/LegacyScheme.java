package com.gatewayz.modelpages.webhook;

import com.gatewayz.modelpages.platform.HmacSha256;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code x-webhook-signature} scheme: the hex HMAC-SHA256 of the body, bare or prefixed with
 * {@code sha256=}. Immutable, thread-safe.
 */
final class LegacyScheme {

  static final String HEADER = "x-webhook-signature";
  private static final String PREFIX = "sha256=";
  private static final int HEX_LENGTH = 2 * HmacSha256.MAC_LENGTH;

  private final List<SecretKeySpec> keys;

  LegacyScheme(List<SecretKeySpec> keys) {
    this.keys = keys;
  }

  /** Judges the header; a header that holds no MAC rejects the delivery before its body. */
  SignatureCheck begin(String header) {
    Optional<byte[]> signature = decode(header.strip());
    return signature.isPresent()
        ? SignatureCheck.expecting(keys, List.of(signature.get()), new byte[0], null)
        : SignatureCheck.rejected("malformed signature header");
  }

  /** The 32 MAC bytes, or empty when the value is not 64 hex digits (in either case). */
  static Optional<byte[]> decode(String value) {
    boolean prefixed = value.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    String hex = prefixed ? value.substring(PREFIX.length()) : value;
    if (hex.length() != HEX_LENGTH) {
      return Optional.empty();
    }
    try {
      return Optional.of(HexFormat.of().parseHex(hex));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
