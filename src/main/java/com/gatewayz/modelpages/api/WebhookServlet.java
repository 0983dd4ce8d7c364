package com.gatewayz.modelpages.api;

import com.gatewayz.modelpages.edge.EdgeForwarder;
import com.gatewayz.modelpages.platform.AuditLog;
import com.gatewayz.modelpages.platform.ServiceRegistry;
import com.gatewayz.modelpages.platform.Settings;
import com.gatewayz.modelpages.webhook.WebhookDelivery;
import com.gatewayz.modelpages.webhook.WebhookProcessor;
import com.gatewayz.modelpages.webhook.WebhookResult;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.Semaphore;

/**
 * {@code POST /api/webhooks/models-updated}: the signed webhook, on an asynchronous request read
 * with non-blocking I/O (an exact mapping in web.xml, so it wins over Jersey's {@code /api/*}).
 *
 * <p>Everything the headers can decide is answered before a byte of the body is read: 415 for a
 * type that is not JSON, 503 without a secret, 401 for a missing or malformed signature or a
 * Standard Webhooks timestamp outside the window, 413 for a declared length over {@code
 * MODEL_PAGES_WEBHOOK_MAX_BYTES}, 503 with {@code Retry-After} when {@code
 * MODEL_PAGES_WEBHOOK_MAX_CONCURRENT} bodies are already being read or processed. The body is then
 * read as it arrives ({@link WebhookBodyReader}) within {@code
 * MODEL_PAGES_WEBHOOK_READ_TIMEOUT_SECONDS} (408 past it). Answers are sent from asynchronous mode
 * even when the body is never read: a blocking request would leave the container draining the
 * unread body, holding a thread until its own read timeout. A request the container upgraded to
 * HTTP/2 over cleartext is read blocking instead ({@link UpgradedBodyReader}). {@code GET}
 * describes the endpoint; other methods answer 405 in JSON.
 */
public class WebhookServlet extends HttpServlet {

  private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "OPTIONS");

  private transient WebhookProcessor processor;
  private transient WebhookAnswers answers;
  private transient long maxBytes;
  private transient Settings.WebhookLimits limits;
  private transient Semaphore slots;
  private transient Clock clock;

  @Override
  public void init() {
    ServiceRegistry services = ServiceRegistry.from(getServletContext());
    Settings settings = services.get(Settings.class);
    processor = services.get(WebhookProcessor.class);
    answers =
        new WebhookAnswers(
            services.get(MeterRegistry.class),
            services.get(AuditLog.class),
            services.get(EdgeForwarder.class));
    maxBytes = settings.webhookMaxBytes();
    limits = settings.webhookLimits();
    slots = new Semaphore(limits.maxConcurrent());
    clock = services.get(Clock.class);
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    if (METHODS.contains(request.getMethod())) {
      super.service(request, response);
      return;
    }
    response.setHeader("Allow", "GET, HEAD, POST, OPTIONS");
    json(response, 405, "{\"error\":\"method not allowed\"}");
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    json(response, 200, processor.describe(request.getContextPath()).toString());
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    AsyncContext async = request.startAsync();
    async.setTimeout(limits.readTimeoutSeconds() * 1000L);
    if (!WebhookProcessor.isJsonContentType(request.getContentType())) {
      answers.send(async, WebhookResult.unsupportedMediaType());
      return;
    }
    WebhookDelivery delivery = processor.open(request::getHeader, maxBytes);
    if (delivery.rejection().isPresent()) {
      answers.send(async, delivery.rejection().get());
    } else if (request.getContentLengthLong() > maxBytes) {
      answers.send(async, WebhookResult.tooLarge(maxBytes));
    } else if (!slots.tryAcquire()) {
      answers.send(async, WebhookResult.busy(limits.maxConcurrent()));
    } else if (UpgradedBodyReader.isUpgraded(request)) {
      readBlocking(async, request.getInputStream(), delivery);
    } else {
      read(async, request.getInputStream(), delivery);
    }
  }

  private void readBlocking(AsyncContext async, InputStream in, WebhookDelivery delivery) {
    try {
      UpgradedBodyReader.read(in, delivery, clock, limits.readTimeoutSeconds())
          .ifPresentOrElse(
              result -> answers.send(async, result), () -> WebhookAnswers.complete(async));
    } finally {
      slots.release();
    }
  }

  // The listener goes on first: from then on the async timeout, at the latest, frees the slot.
  private void read(AsyncContext async, ServletInputStream in, WebhookDelivery delivery) {
    WebhookBodyReader reader =
        new WebhookBodyReader(
            async, in, delivery, answers, limits.readTimeoutSeconds(), slots::release);
    async.addListener(reader);
    in.setReadListener(reader);
  }

  private static void json(HttpServletResponse response, int status, String body)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }
}
