package com.gatewayz.modelpages.webhook;

import com.gatewayz.modelpages.catalog.CatalogService;
import com.gatewayz.modelpages.catalog.CatalogUnavailableException;
import com.gatewayz.modelpages.isr.Invalidation;
import com.gatewayz.modelpages.isr.PurgeFailedException;
import com.gatewayz.modelpages.platform.JsonSupport;
import com.gatewayz.modelpages.webhook.WebhookResult.Outcome;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Handles one {@code POST /api/webhooks/models-updated} delivery, from headers and raw body bytes
 * to the answer, in this order: no secret → 503; signature over the raw bytes → 401; parse and
 * validate the whole event → 400 naming the field; replayed {@code webhook-id} → 200 {@code
 * "duplicate":true}; apply to the catalog (durably, swapped and purged before returning) → 200,
 * {@code "stale":true} when every model was older than what was applied, {@code "ignored":true} for
 * unknown event types; a failure while applying → 500 with nothing applied and the {@code
 * webhook-id} released so the sender's retry is processed.
 *
 * <p>Thread-safe; concurrent deliveries are serialised by the catalog. Each rejection is logged
 * once, with its internal reason and never a secret.
 */
public final class WebhookProcessor {

  /** The webhook's path under the context path. */
  public static final String ENDPOINT = "/api/webhooks/models-updated";

  private static final String FAILED = "the event could not be applied; retry later";
  private static final Logger LOG = Logger.getLogger(WebhookProcessor.class.getName());

  private final Optional<WebhookVerifier> verifier;
  private final ReplayGuard replays;
  private final EventApplier applier;
  private final Clock clock;

  /**
   * @param verifier empty when no secret is configured: every delivery is then answered 503
   * @param purger purges by tag and path ({@code isr::purge}); used for gateway status changes,
   *     while model changes are purged by the catalog's listeners
   * @throws NullPointerException when an argument is null
   */
  public WebhookProcessor(
      Optional<WebhookVerifier> verifier,
      ReplayGuard replays,
      CatalogService catalog,
      Purger purger,
      Clock clock) {
    this.verifier = Objects.requireNonNull(verifier, "verifier");
    this.replays = Objects.requireNonNull(replays, "replays");
    this.applier =
        new EventApplier(
            Objects.requireNonNull(catalog, "catalog"), Objects.requireNonNull(purger, "purger"));
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Processes a delivery; never throws for anything the sender did.
   *
   * @param headers a request header's first value by name, or null; must match names
   *     case-insensitively (JAX-RS {@code HttpHeaders::getHeaderString})
   * @param body the raw body, already bounded by {@link BoundedBody}
   */
  public WebhookResult process(Function<String, String> headers, byte[] body) {
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
    if (verifier.isEmpty()) {
      return rejected(503, Outcome.DISABLED, "webhook secret not configured", null);
    }
    Verification verification = verifier.get().verify(headers, body);
    if (!verification.isValid()) {
      return rejected(
          401, Outcome.UNAUTHORIZED, WebhookVerifier.CLIENT_ERROR, verification.reason());
    }
    try {
      return claimAndApply(WebhookEvent.parse(body, clock.millis()), verification.webhookId());
    } catch (InvalidEventException e) {
      return rejected(400, Outcome.INVALID, e.getMessage(), null);
    }
  }

  private WebhookResult claimAndApply(WebhookEvent event, String webhookId) {
    LOG.info(
        () -> "[Webhook] Model update received: " + event.eventType() + " for " + event.gateway());
    if (!replays.claim(webhookId)) {
      LOG.info("[Webhook] Replayed webhook-id: acknowledged, not applied");
      return success(event, Invalidation.NOTHING, 0, "duplicate", Outcome.DUPLICATE);
    }
    try {
      return apply(event);
    } catch (CatalogUnavailableException | PurgeFailedException e) {
      replays.release(webhookId);
      LOG.warning(() -> "[Webhook] Refused (503): " + e.getMessage());
      return new WebhookResult(503, WebhookResponses.error(e.getMessage()), Outcome.UNAVAILABLE);
    } catch (RuntimeException e) {
      replays.release(webhookId);
      LOG.log(Level.SEVERE, "[Webhook] Applying " + event.eventType() + " failed", e);
      return new WebhookResult(500, WebhookResponses.error(FAILED), Outcome.ERROR);
    }
  }

  private WebhookResult apply(WebhookEvent event) {
    Optional<EventType> type = event.type();
    if (type.isEmpty()) {
      LOG.info(() -> "[Webhook] Unknown event type " + event.eventType() + ": ignored");
      return success(event, Invalidation.NOTHING, 0, "ignored", Outcome.IGNORED);
    }
    EventApplier.Applied applied = applier.apply(event, type.get());
    if (applied.allStale()) {
      LOG.info(
          () ->
              "[Webhook] Stale event: all "
                  + applied.staleCount()
                  + " models are older than what was applied");
      return success(event, Invalidation.NOTHING, applied.staleCount(), "stale", Outcome.STALE);
    }
    Invalidation invalidated = applied.invalidated();
    LOG.info(
        () ->
            "[Webhook] Cache invalidated: tags="
                + invalidated.tags().size()
                + " paths="
                + invalidated.paths().size());
    return success(event, invalidated, applied.staleCount(), null, Outcome.OK);
  }

  private WebhookResult success(
      WebhookEvent event, Invalidation invalidated, int staleCount, String flag, Outcome outcome) {
    JsonObject body =
        WebhookResponses.success(event, invalidated, staleCount, flag, clock.millis());
    return new WebhookResult(200, body, outcome);
  }

  // The client sees only clientMessage; reason (internal, never a secret) goes to the log.
  private static WebhookResult rejected(
      int status, Outcome outcome, String clientMessage, String reason) {
    Level level = status == 400 ? Level.INFO : Level.WARNING;
    LOG.log(
        level,
        () -> "[Webhook] Rejected (" + status + "): " + (reason != null ? reason : clientMessage));
    return new WebhookResult(status, WebhookResponses.error(clientMessage), outcome);
  }

  /**
   * {@code {"status":"active"|"disabled","endpoint":contextPath +
   * ENDPOINT,"supported_events":[...]}} for {@code GET} on the webhook.
   */
  public JsonObject describe(String contextPath) {
    return JsonSupport.JSON
        .createObjectBuilder()
        .add("status", verifier.isPresent() ? "active" : "disabled")
        .add("endpoint", Objects.requireNonNullElse(contextPath, "") + ENDPOINT)
        .add("supported_events", JsonSupport.JSON.createArrayBuilder(EventType.wireNames()))
        .build();
  }

  /**
   * True when {@code contentType} is {@code application/json} or {@code application/*+json}, with
   * any parameters, in any case; false for null. Otherwise answer {@link
   * WebhookResult#unsupportedMediaType()}.
   */
  public static boolean isJsonContentType(String contentType) {
    if (contentType == null) {
      return false;
    }
    String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return type.equals("application/json")
        || (type.startsWith("application/") && type.endsWith("+json"));
  }
}
