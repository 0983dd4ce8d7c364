package com.gatewayz.modelpages.api;

import com.gatewayz.modelpages.webhook.TooLargeException;
import com.gatewayz.modelpages.webhook.WebhookDelivery;
import com.gatewayz.modelpages.webhook.WebhookResult;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads one webhook body with non-blocking I/O: no thread waits for a slow sender. Each part is
 * appended to the delivery as it arrives (bounded, signature computed on the way); the whole body
 * is answered by the delivery, a body over the limit by 413 at once (the rest unread), and a body
 * still incomplete when the request's async timeout fires by 408. The delivery's slot is released
 * exactly once, however the request ends.
 *
 * <p>The container may call the two listeners from different threads: every callback holds this
 * object's lock, and only the first answer counts.
 */
final class WebhookBodyReader implements ReadListener, AsyncListener {

  private static final Logger LOG = Logger.getLogger(WebhookBodyReader.class.getName());

  private final AsyncContext async;
  private final ServletInputStream in;
  private final WebhookDelivery delivery;
  private final WebhookAnswers answers;
  private final int timeoutSeconds;
  private final Runnable release;
  private final AtomicBoolean released = new AtomicBoolean();
  private final byte[] buffer = new byte[8192];
  private boolean answered;

  WebhookBodyReader(
      AsyncContext async,
      ServletInputStream in,
      WebhookDelivery delivery,
      WebhookAnswers answers,
      int timeoutSeconds,
      Runnable release) {
    this.async = async;
    this.in = in;
    this.delivery = delivery;
    this.answers = answers;
    this.timeoutSeconds = timeoutSeconds;
    this.release = release;
  }

  @Override
  public synchronized void onDataAvailable() throws IOException {
    while (!answered && in.isReady()) {
      int n = in.read(buffer);
      if (n < 0) {
        return;
      }
      try {
        delivery.append(buffer, 0, n);
      } catch (TooLargeException e) {
        answer(WebhookResult.tooLarge(e.maxBytes()));
      }
    }
  }

  @Override
  public synchronized void onAllDataRead() {
    if (!answered) {
      answer(delivery.finish());
    }
  }

  @Override
  public synchronized void onError(Throwable failure) {
    // The sender went away or the connection broke mid-body: nobody to answer.
    LOG.log(Level.FINE, "[Webhook] Body not read to the end", failure);
    end();
  }

  @Override
  public synchronized void onTimeout(AsyncEvent event) {
    if (!answered) {
      answer(WebhookResult.timedOut(timeoutSeconds));
    }
  }

  @Override
  public void onError(AsyncEvent event) {
    onError(event.getThrowable());
  }

  @Override
  public void onComplete(AsyncEvent event) {
    releaseOnce();
  }

  @Override
  public void onStartAsync(AsyncEvent event) {
    // not restarted
  }

  private void answer(WebhookResult result) {
    answered = true;
    releaseOnce();
    answers.send(async, result);
  }

  private void end() {
    if (!answered) {
      answered = true;
      releaseOnce();
      WebhookAnswers.complete(async);
    }
  }

  private void releaseOnce() {
    if (released.compareAndSet(false, true)) {
      release.run();
    }
  }
}
