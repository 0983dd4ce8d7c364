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
   * True when any candidate equals any expected MAC. Every pair is compared, in constant time, so
   * the time taken does not depend on which one matched.
   */
  public static boolean anyEqual(List<byte[]> expected, List<byte[]> candidates) {
    boolean matched = false;
    for (byte[] mac : expected) {
      for (byte[] candidate : candidates) {
        matched |= MessageDigest.isEqual(mac, candidate);
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

  /** A MAC under {@code key}, for data that arrives in parts ({@link Mac#update}). */
  public static Mac newMac(SecretKeySpec key) {
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
