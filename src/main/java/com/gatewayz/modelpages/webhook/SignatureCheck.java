package com.gatewayz.modelpages.webhook;

import com.gatewayz.modelpages.platform.HmacSha256;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One delivery's signature, checked while its body streams in. {@link WebhookVerifier#begin} judges
 * the headers first: a delivery they already reject {@link #isRejected() is rejected} before any
 * body byte is read. Otherwise the body is fed with {@link #update} as it arrives (the MAC of every
 * configured key advances with it, so the body is never read twice) and {@link #finish} compares
 * the MACs in constant time.
 *
 * <p>Not thread-safe: one instance per delivery, fed from one thread at a time.
 */
final class SignatureCheck {

  private final Verification rejection;
  private final List<Mac> macs;
  private final List<byte[]> candidates;
  private final String webhookId;
  private boolean finished;

  private SignatureCheck(
      Verification rejection, List<Mac> macs, List<byte[]> candidates, String webhookId) {
    this.rejection = rejection;
    this.macs = macs;
    this.candidates = candidates;
    this.webhookId = webhookId;
  }

  /** A delivery its headers reject; {@code reason} is for the server log only. */
  static SignatureCheck rejected(String reason) {
    return new SignatureCheck(Verification.invalid(reason), List.of(), List.of(), null);
  }

  /**
   * A delivery whose body is valid when the MAC of {@code signedPrefix} followed by the body, under
   * any key, equals any candidate.
   */
  static SignatureCheck expecting(
      List<SecretKeySpec> keys, List<byte[]> candidates, byte[] signedPrefix, String webhookId) {
    List<Mac> macs = new ArrayList<>(keys.size());
    for (SecretKeySpec key : keys) {
      Mac mac = HmacSha256.newMac(key);
      mac.update(signedPrefix);
      macs.add(mac);
    }
    return new SignatureCheck(null, macs, List.copyOf(candidates), webhookId);
  }

  /** True when the headers alone reject the delivery: answer 401 without reading the body. */
  public boolean isRejected() {
    return rejection != null;
  }

  /** Feeds the next {@code length} body bytes; does nothing for a rejected delivery. */
  public void update(byte[] bytes, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    if (finished) {
      throw new IllegalStateException("the signature check is finished");
    }
    for (Mac mac : macs) {
      mac.update(bytes, offset, length);
    }
  }

  /**
   * The verdict over everything fed so far; call once, after the whole body.
   *
   * @throws IllegalStateException when called twice
   */
  public Verification finish() {
    if (finished) {
      throw new IllegalStateException("the signature check is finished");
    }
    finished = true;
    if (rejection != null) {
      return rejection;
    }
    List<byte[]> expected = new ArrayList<>(macs.size());
    macs.forEach(mac -> expected.add(mac.doFinal()));
    return HmacSha256.anyEqual(expected, candidates)
        ? Verification.valid(webhookId)
        : Verification.invalid("signature mismatch");
  }
}
