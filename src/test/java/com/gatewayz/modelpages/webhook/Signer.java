package com.gatewayz.modelpages.webhook;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs test deliveries with each scheme, independently of the production code. */
final class Signer {

  private Signer() {}

  static Map<String, String> legacy(String secret, byte[] body) {
    return headers("X-Webhook-Signature", HexFormat.of().formatHex(hmac(secret, body)));
  }

  static Map<String, String> prefixed(String secret, byte[] body) {
    return headers("x-webhook-signature", "sha256=" + HexFormat.of().formatHex(hmac(secret, body)));
  }

  static Map<String, String> standard(String secret, String id, long seconds, byte[] body) {
    byte[] prefix = (id + "." + seconds + ".").getBytes(UTF_8);
    byte[] signed = new byte[prefix.length + body.length];
    System.arraycopy(prefix, 0, signed, 0, prefix.length);
    System.arraycopy(body, 0, signed, prefix.length, body.length);
    String signature = "v1," + Base64.getEncoder().encodeToString(hmac(secret, signed));
    return headers(
        "Webhook-Id",
        id,
        "Webhook-Timestamp",
        Long.toString(seconds),
        "Webhook-Signature",
        signature);
  }

  static Map<String, String> headers(String... namesAndValues) {
    Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 0; i < namesAndValues.length; i += 2) {
      map.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return map;
  }

  private static byte[] hmac(String secret, byte[] data) {
    byte[] key =
        secret.startsWith("whsec_")
            ? Base64.getDecoder().decode(secret.substring(6))
            : secret.getBytes(UTF_8);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
