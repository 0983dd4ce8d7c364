package com.gatewayz.modelpages.webhook;

import com.gatewayz.modelpages.platform.HmacSha256;
import com.gatewayz.modelpages.platform.InvalidSettingException;
import com.gatewayz.modelpages.platform.Settings;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;

/**
 * Parses the {@code MODEL_WEBHOOK_SECRET} setting into HMAC keys. Stateless, thread-safe.
 *
 * <p>A plain secret has at least {@value #MIN_SECRET_CHARS} characters and a {@code whsec_} key at
 * least {@value #MIN_KEY_BYTES} bytes once decoded (128 bits; Standard Webhooks senders issue 24 or
 * 32): a shorter one stops start-up with a message that names the setting, never the secret.
 */
final class WebhookSecrets {

  static final int MIN_SECRET_CHARS = Settings.MIN_SECRET_LENGTH;
  static final int MIN_KEY_BYTES = 16;

  private static final String BASE64_PREFIX = "whsec_";

  private WebhookSecrets() {}

  /**
   * The keys of the comma-separated secrets in {@code setting}, in order; empty when the setting is
   * null or holds only blanks.
   *
   * @throws InvalidSettingException when a secret is too short, or a {@code whsec_} secret is not
   *     valid base64
   */
  static List<SecretKeySpec> parse(String setting) {
    List<SecretKeySpec> keys = new ArrayList<>();
    if (setting == null) {
      return keys;
    }
    for (String entry : setting.split(",")) {
      String secret = entry.strip();
      if (!secret.isEmpty()) {
        keys.add(HmacSha256.key(keyBytes(secret)));
      }
    }
    return List.copyOf(keys);
  }

  private static byte[] keyBytes(String secret) {
    if (!secret.startsWith(BASE64_PREFIX)) {
      if (secret.length() < MIN_SECRET_CHARS) {
        throw invalid("secrets of at least " + MIN_SECRET_CHARS + " characters");
      }
      return secret.getBytes(StandardCharsets.UTF_8);
    }
    byte[] key = decodeBase64(secret.substring(BASE64_PREFIX.length()));
    if (key.length == 0) {
      throw invalid("a whsec_ secret with a key, not an empty one");
    }
    if (key.length < MIN_KEY_BYTES) {
      throw invalid("whsec_ keys of at least " + MIN_KEY_BYTES + " bytes once base64-decoded");
    }
    return key;
  }

  private static byte[] decodeBase64(String encoded) {
    try {
      return Base64.getDecoder().decode(encoded);
    } catch (IllegalArgumentException e) {
      // Not chained: the decoder's message quotes the offending character of the secret.
      throw invalid("whsec_ secrets in valid base64");
    }
  }

  private static InvalidSettingException invalid(String expected) {
    return InvalidSettingException.secret(Settings.WEBHOOK_SECRET, expected);
  }
}
