package com.gatewayz.modelpages.webhook;

import com.gatewayz.modelpages.platform.HmacSha256;
import com.gatewayz.modelpages.platform.Settings;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;

/** Parses the {@code MODEL_WEBHOOK_SECRET} setting into HMAC keys. Stateless, thread-safe. */
final class WebhookSecrets {

  private static final String BASE64_PREFIX = "whsec_";

  private WebhookSecrets() {}

  /**
   * The keys of the comma-separated secrets in {@code setting}, in order; empty when the setting is
   * null or holds only blanks.
   *
   * @throws IllegalArgumentException when a {@code whsec_} secret is not valid base64 or is empty
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
      return secret.getBytes(StandardCharsets.UTF_8);
    }
    byte[] key = decodeBase64(secret.substring(BASE64_PREFIX.length()));
    if (key.length == 0) {
      throw new IllegalArgumentException(
          Settings.WEBHOOK_SECRET + " holds a whsec_ secret with an empty key");
    }
    return key;
  }

  private static byte[] decodeBase64(String encoded) {
    try {
      return Base64.getDecoder().decode(encoded);
    } catch (IllegalArgumentException e) {
      // Not chained: the decoder's message quotes the offending character of the secret.
      throw new IllegalArgumentException(
          Settings.WEBHOOK_SECRET + " holds a whsec_ secret that is not valid base64");
    }
  }
}
