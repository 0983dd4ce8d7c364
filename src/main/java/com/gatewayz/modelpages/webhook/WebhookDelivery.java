package com.gatewayz.modelpages.webhook;

import java.util.Objects;
import java.util.Optional;

/**
 * One webhook delivery, opened by {@link WebhookProcessor#open} from its headers. When the headers
 * already decide it (no secret, no or a malformed signature, a timestamp outside the window) its
 * {@link #rejection()} is the answer and the body is never read. Otherwise the body is {@link
 * #append appended} as it arrives, bounded, and fed to the signature check on the way; {@link
 * #finish} then verifies, parses and applies it.
 *
 * <p>Not thread-safe: one instance per request, used from one thread at a time.
 */
public final class WebhookDelivery {

  private final WebhookProcessor processor;
  private final WebhookResult rejection;
  private final SignatureCheck check;
  private final BoundedBody body;

  private WebhookDelivery(
      WebhookProcessor processor, WebhookResult rejection, SignatureCheck check, long maxBytes) {
    this.processor = processor;
    this.rejection = rejection;
    this.check = check;
    this.body = rejection == null ? new BoundedBody(maxBytes) : null;
  }

  static WebhookDelivery rejected(WebhookResult rejection) {
    return new WebhookDelivery(null, Objects.requireNonNull(rejection), null, 0);
  }

  static WebhookDelivery reading(WebhookProcessor processor, SignatureCheck check, long maxBytes) {
    return new WebhookDelivery(processor, null, check, maxBytes);
  }

  /** The answer when the headers alone decide the delivery; then its body must not be read. */
  public Optional<WebhookResult> rejection() {
    return Optional.ofNullable(rejection);
  }

  /**
   * The next part of the body.
   *
   * @throws TooLargeException when the body goes over the limit: answer {@link
   *     WebhookResult#tooLarge} and stop reading
   * @throws IllegalStateException when the delivery was rejected
   */
  public void append(byte[] bytes, int offset, int length) throws TooLargeException {
    requireReading();
    body.append(bytes, offset, length);
    check.update(bytes, offset, length);
  }

  /**
   * Answers the delivery once its whole body arrived: 401 for a wrong signature, then as {@link
   * WebhookProcessor#process}. Call once.
   *
   * @throws IllegalStateException when the delivery was rejected
   */
  public WebhookResult finish() {
    requireReading();
    return processor.complete(check.finish(), body.toByteArray());
  }

  private void requireReading() {
    if (rejection != null) {
      throw new IllegalStateException("a rejected delivery has no body to read");
    }
  }
}
