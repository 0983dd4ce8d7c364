package com.gatewayz.modelpages.platform;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 and the constant-time comparison of received MACs: webhook signatures and the admin
 * session cookie. Stateless, thread-safe.
 */
public final class HmacSha256 {

  public static final String ALGORITHM = "HmacSHA256";
  public static final int MAC_LENGTH = 32;

  private HmacSha256() {}

  /** A key for {@code bytes}, which must not be empty. */
  public static SecretKeySpec key(byte[] bytes) {
    return new SecretKeySpec(bytes, ALGORITHM);
  }

  /**
   * True when any candidate equals the MAC of the concatenated {@code parts} under any key. Every
   * key and candidate is compared, so the time taken does not depend on which one matched.
   */
  public static boolean anyMatches(List<SecretKeySpec> keys, List<byte[]> candidates, byte[]... parts) {
    boolean matched = false;
    for (SecretKeySpec key : keys) {
      byte[] expected = mac(key, parts);
      for (byte[] candidate : candidates) {
        matched |= MessageDigest.isEqual(expected, candidate);
      }
    }
    return matched;
  }

  public static byte[] mac(SecretKeySpec key, byte[]... parts) {
    Mac mac = newMac(key);
    for (byte[] part : parts) {
      mac.update(part);
    }
    return mac.doFinal();
  }

  private static Mac newMac(SecretKeySpec key) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      // Every Java SE runtime ships HmacSHA256, and keys are checked non-empty when configured.
      throw new IllegalStateException(ALGORITHM + " is not available", e);
    }
  }
}
