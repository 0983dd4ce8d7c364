package com.gatewayz.modelpages.webhook;

import com.gatewayz.modelpages.catalog.CatalogService;
import com.gatewayz.modelpages.catalog.CatalogUpdates;
import com.gatewayz.modelpages.catalog.GatewayNames;
import com.gatewayz.modelpages.platform.JsonSupport;
import com.gatewayz.modelpages.webhook.WebhookResult.Outcome;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Handles one {@code POST /api/webhooks/models-updated} delivery, from headers and raw body bytes
 * to the answer, in this order: no secret → 503; signature headers (before the body is read, see
 * {@link #open}) and then the signature over the raw bytes → 401; parse and validate the whole
 * event → 400 naming the field (a legacy-signed body must carry its {@code timestamp}; the gateway
 * must be one the registry names, an alias counting as its id); replayed {@code webhook-id} → 200
 * {@code "duplicate":true}, one still in flight → 409; apply to the catalog (durably, swapped and
 * purged before returning) → 200, {@code "stale":true} when the event is older than {@link
 * CatalogUpdates#MAX_EVENT_AGE} or every model was older than what was applied, {@code
 * "ignored":true} for unknown event types; applied but not purged → 503, the purge owed to the
 * retry; a failure while applying → 500 with nothing applied. Only a 200 makes the {@code
 * webhook-id} a duplicate: any other answer releases it, so the sender's retry is processed (see
 * {@link EventCommitter}).
 *
 * <p>Thread-safe; concurrent deliveries are serialised by the catalog. Each rejection is logged
 * once, with its internal reason and never a secret.
 */
public final class WebhookProcessor {

  /** The webhook's path under the context path. */
  public static final String ENDPOINT = "/api/webhooks/models-updated";

  private static final Logger LOG = Logger.getLogger(WebhookProcessor.class.getName());

  private final Optional<WebhookVerifier> verifier;
  private final GatewayNames gateways;
  private final EventCommitter committer;
  private final Clock clock;

  /**
   * A processor that keeps the purges failed deliveries owe their retries in memory only: a restart
   * forgets them. For tests; a server uses the constructor with its data directory.
   *
   * @see #WebhookProcessor(Optional, ReplayGuard, CatalogService, GatewayNames, Purger, Path,
   *     Clock)
   */
  public WebhookProcessor(
      Optional<WebhookVerifier> verifier,
      ReplayGuard replays,
      CatalogService catalog,
      GatewayNames gateways,
      Purger purger,
      Clock clock) {
    this(verifier, replays, catalog, gateways, purger, new OwedPurges(), clock);
  }

  /**
   * @param verifier empty when no secret is configured: every delivery is then answered 503
   * @param gateways the gateways events may speak for (the registry): others are refused with 400
   * @param purger purges by tag and path ({@code isr::purge}); used for gateway status changes and
   *     for purges a failed delivery owes its retry, while model changes are purged by the
   *     catalog's listeners
   * @param dataDir where the purges failed deliveries owe their retries are kept ({@code
   *     owed-purges.json}), read now: a debt survives a restart
   * @throws NullPointerException when an argument is null
   */
  public WebhookProcessor(
      Optional<WebhookVerifier> verifier,
      ReplayGuard replays,
      CatalogService catalog,
      GatewayNames gateways,
      Purger purger,
      Path dataDir,
      Clock clock) {
    this(
        verifier,
        replays,
        catalog,
        gateways,
        purger,
        OwedPurges.storedIn(
            Objects.requireNonNull(dataDir, "dataDir"), Objects.requireNonNull(clock, "clock")),
        clock);
  }

  private WebhookProcessor(
      Optional<WebhookVerifier> verifier,
      ReplayGuard replays,
      CatalogService catalog,
      GatewayNames gateways,
      Purger purger,
      OwedPurges owed,
      Clock clock) {
    this.verifier = Objects.requireNonNull(verifier, "verifier");
    this.gateways = Objects.requireNonNull(gateways, "gateways");
    this.clock = Objects.requireNonNull(clock, "clock");
    EventApplier applier =
        new EventApplier(
            Objects.requireNonNull(catalog, "catalog"), Objects.requireNonNull(purger, "purger"));
    this.committer =
        new EventCommitter(Objects.requireNonNull(replays, "replays"), applier, owed, clock);
  }

  /**
   * Opens a delivery from its headers alone, before its body is read: with no secret configured its
   * {@link WebhookDelivery#rejection() rejection} is 503; with no or a malformed signature header,
   * or a Standard Webhooks id or timestamp that cannot pass, 401. Otherwise its body (at most
   * {@code maxBytes}) is to be appended as it arrives.
   *
   * @param headers a request header's first value by name, or null; must match names
   *     case-insensitively (JAX-RS {@code HttpHeaders::getHeaderString})
   * @throws IllegalArgumentException when {@code maxBytes} is negative or above {@link
   *     BoundedBody#MAX_LIMIT}
   */
  public WebhookDelivery open(Function<String, String> headers, long maxBytes) {
    Objects.requireNonNull(headers, "headers");
    if (verifier.isEmpty()) {
      return WebhookDelivery.rejected(disabled());
    }
    SignatureCheck check = verifier.get().begin(headers);
    return check.isRejected()
        ? WebhookDelivery.rejected(unauthorized(check.finish()))
        : WebhookDelivery.reading(this, check, maxBytes);
  }

  /**
   * Processes a delivery whose whole body is at hand; never throws for anything the sender did.
   *
   * @param headers as for {@link #open}
   * @param body the raw body, already bounded
   */
  public WebhookResult process(Function<String, String> headers, byte[] body) {
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
    if (verifier.isEmpty()) {
      return disabled();
    }
    return complete(verifier.get().verify(headers, body), body);
  }

  /** The rest of a delivery once its body was verified: 401, then parse → 400, then apply. */
  WebhookResult complete(Verification verification, byte[] body) {
    if (!verification.isValid()) {
      return unauthorized(verification);
    }
    try {
      // The legacy schemes (no webhook-id) sign no time: the body's timestamp is required.
      WebhookEvent event =
          verification.webhookId() == null
              ? WebhookEvent.parseTimed(body, clock.millis(), gateways)
              : WebhookEvent.parse(body, clock.millis(), gateways);
      return committer.commit(event, verification.webhookId(), body);
    } catch (InvalidEventException e) {
      return rejected(400, Outcome.INVALID, e.getMessage(), null);
    }
  }

  private static WebhookResult disabled() {
    return rejected(503, Outcome.DISABLED, "webhook secret not configured", null);
  }

  private static WebhookResult unauthorized(Verification verification) {
    return rejected(401, Outcome.UNAUTHORIZED, WebhookVerifier.CLIENT_ERROR, verification.reason());
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
