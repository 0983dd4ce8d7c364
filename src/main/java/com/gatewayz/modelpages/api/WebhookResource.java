package com.gatewayz.modelpages.api;

import com.gatewayz.modelpages.edge.EdgeForwarder;
import com.gatewayz.modelpages.platform.AuditLog;
import com.gatewayz.modelpages.platform.Settings;
import com.gatewayz.modelpages.webhook.BoundedBody;
import com.gatewayz.modelpages.webhook.TooLargeException;
import com.gatewayz.modelpages.webhook.WebhookProcessor;
import com.gatewayz.modelpages.webhook.WebhookResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /api/webhooks/models-updated}: the signed webhook. The raw body is read up to
 * {@code MODEL_PAGES_WEBHOOK_MAX_BYTES} (413 past it, without reading the rest) and handed to the
 * {@link WebhookProcessor}, which verifies the signature on those bytes before parsing anything.
 * A 200 is sent once the edges that are up have the purges too ({@link EdgeForwarder#awaitDelivered}).
 * Every delivery is counted by outcome and recorded in the {@link AuditLog}. {@code GET} describes
 * the endpoint.
 */
@Path("webhooks/models-updated")
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

  private final WebhookProcessor processor;
  // The cluster guard probes every 500 ms: a few seconds covers a blip, a sender's back-off the rest.
  private static final int RETRY_AFTER_SECONDS = 5;

  private final long maxBytes;
  private final AuditLog audit;
  private final EdgeForwarder edges;
  private final Map<WebhookResult.Outcome, Counter> outcomes = new EnumMap<>(WebhookResult.Outcome.class);

  @Inject
  public WebhookResource(
      WebhookProcessor processor, Settings settings, MeterRegistry meters, AuditLog audit, EdgeForwarder edges) {
    this.processor = processor;
    this.maxBytes = settings.webhookMaxBytes();
    this.audit = audit;
    this.edges = edges;
    for (WebhookResult.Outcome outcome : WebhookResult.Outcome.values()) {
      outcomes.put(outcome, counter(meters, outcome));
    }
  }

  static Counter counter(MeterRegistry meters, WebhookResult.Outcome outcome) {
    return Counter.builder("modelpages.webhook.requests")
        .description("Webhook deliveries by outcome")
        .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
        .register(meters);
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  public Response receive(@Context HttpHeaders headers, InputStream body) {
    WebhookResult result = handle(headers, body);
    if (result.status() == 200) {
      edges.awaitDelivered(); // the 200 also means the edges that are up have purged
    }
    outcomes.get(result.outcome()).increment();
    AdminAudit.webhook(audit, result);
    Response.ResponseBuilder response =
        Response.status(result.status()).entity(result.body().toString()).type(MediaType.APPLICATION_JSON);
    if (result.outcome() == WebhookResult.Outcome.UNAVAILABLE) {
      response.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    }
    return response.build();
  }

  private WebhookResult handle(HttpHeaders headers, InputStream body) {
    if (!WebhookProcessor.isJsonContentType(headers.getHeaderString(HttpHeaders.CONTENT_TYPE))) {
      return WebhookResult.unsupportedMediaType();
    }
    if (headers.getLength() > maxBytes) {
      return WebhookResult.tooLarge(maxBytes);
    }
    try {
      return processor.process(headers::getHeaderString, BoundedBody.read(body, maxBytes));
    } catch (TooLargeException e) {
      return WebhookResult.tooLarge(maxBytes);
    } catch (IOException e) {
      throw new ApiException(400, "the request body could not be read");
    }
  }

  @GET
  public String describe(@Context ServletContext context) {
    return processor.describe(context.getContextPath()).toString();
  }
}
