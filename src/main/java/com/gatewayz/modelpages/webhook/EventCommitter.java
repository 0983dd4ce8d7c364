package com.gatewayz.modelpages.webhook;

import com.gatewayz.modelpages.catalog.CatalogUnavailableException;
import com.gatewayz.modelpages.catalog.CatalogUpdates;
import com.gatewayz.modelpages.isr.Invalidation;
import com.gatewayz.modelpages.isr.PurgeFailedException;
import com.gatewayz.modelpages.webhook.WebhookResult.Outcome;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Commits one parsed, signed event: claims its {@code webhook-id}, applies it, sees its pages
 * purged (with what an earlier delivery of the same body still owes), and only then marks the id
 * done, so a later delivery of it is a duplicate. A delivery of an id still in flight is answered
 * 409; one whose purge failed 503 (its change stays applied and stored; the purge is owed to the
 * sender's retry of the body, under any id); any failure releases the id so that retry is
 * processed. Thread-safe.
 */
final class EventCommitter {

  private static final String FAILED = "the event could not be applied; retry later";
  private static final String IN_FLIGHT =
      "a delivery with this webhook-id is still being processed; retry later";
  private static final String NOT_PURGED =
      "the change is applied, but the cached pages could not be purged; send the event again";
  private static final String MAX_AGE = CatalogUpdates.MAX_EVENT_AGE.toDays() + " days";
  // The webhook's log lines keep the logger they always had.
  private static final Logger LOG = Logger.getLogger(WebhookProcessor.class.getName());

  private final ReplayGuard replays;
  private final EventApplier applier;
  private final OwedPurges owed;
  private final Clock clock;

  EventCommitter(ReplayGuard replays, EventApplier applier, OwedPurges owed, Clock clock) {
    this.replays = replays;
    this.applier = applier;
    this.owed = owed;
    this.clock = clock;
  }

  /** Commits {@code event}, delivered with {@code body} under {@code webhookId} (null: none). */
  WebhookResult commit(WebhookEvent event, String webhookId, byte[] body) {
    LOG.info(
        () -> "[Webhook] Model update received: " + event.eventType() + " for " + event.gateway());
    return switch (replays.claim(webhookId)) {
      case DONE -> duplicate(event);
      case IN_FLIGHT -> inFlight();
      case NEW -> applyOrRelease(event, webhookId, body);
    };
  }

  private WebhookResult duplicate(WebhookEvent event) {
    LOG.info("[Webhook] Replayed webhook-id: acknowledged, not applied");
    return success(event, Invalidation.NOTHING, 0, "duplicate", Outcome.DUPLICATE);
  }

  private static WebhookResult inFlight() {
    LOG.info("[Webhook] Refused (409): a delivery with this webhook-id is still being processed");
    return new WebhookResult(409, WebhookResponses.error(IN_FLIGHT), Outcome.IN_FLIGHT);
  }

  private WebhookResult applyOrRelease(WebhookEvent event, String webhookId, byte[] body) {
    WebhookResult result = applyOrAnswerFailure(event, body);
    if (result.status() == 200) {
      replays.complete(webhookId);
    } else {
      replays.release(webhookId);
    }
    return result;
  }

  private WebhookResult applyOrAnswerFailure(WebhookEvent event, byte[] body) {
    try {
      return apply(event, body);
    } catch (CatalogUnavailableException | PurgeFailedException e) {
      LOG.warning(() -> "[Webhook] Refused (503): " + e.getMessage());
      return new WebhookResult(503, WebhookResponses.error(e.getMessage()), Outcome.UNAVAILABLE);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "[Webhook] Applying " + event.eventType() + " failed", e);
      return new WebhookResult(500, WebhookResponses.error(FAILED), Outcome.ERROR);
    }
  }

  private WebhookResult apply(WebhookEvent event, byte[] body) {
    Optional<EventType> type = event.type();
    if (type.isEmpty()) {
      LOG.info(() -> "[Webhook] Unknown event type " + event.eventType() + ": ignored");
      return success(event, Invalidation.NOTHING, 0, "ignored", Outcome.IGNORED);
    }
    if (event.eventTime() < clock.millis() - CatalogUpdates.MAX_EVENT_AGE.toMillis()) {
      LOG.info("[Webhook] Stale event: its timestamp is older than " + MAX_AGE + "; not applied");
      return success(event, Invalidation.NOTHING, event.modelsCount(), "stale", Outcome.STALE);
    }
    EventApplier.Applied applied = applier.apply(event, type.get());
    Optional<Invalidation> purged = purge(applied, body);
    if (purged.isEmpty()) {
      return notPurged();
    }
    if (applied.allStale()) {
      LOG.info("[Webhook] Stale event: older than what was applied");
      return success(event, purged.get(), applied.staleCount(), "stale", Outcome.STALE);
    }
    Invalidation invalidated = purged.get();
    LOG.info(
        () ->
            "[Webhook] Cache invalidated: tags="
                + invalidated.tags().size()
                + " paths="
                + invalidated.paths().size());
    return success(event, invalidated, applied.staleCount(), null, Outcome.OK);
  }

  // What the change and an earlier delivery of this body purged; empty when a purge failed (then
  // owed to the next delivery of the body). The change itself was purged by the catalog's
  // listeners.
  private Optional<Invalidation> purge(EventApplier.Applied applied, byte[] body) {
    Invalidation debt = owed.of(body);
    if (!applied.purged()) {
      owed.owe(body, OwedPurges.union(debt, applied.invalidated()));
      return Optional.empty();
    }
    if (!debt.isEmpty()) {
      // What this delivery's change purged already need not be purged twice.
      Invalidation rest = OwedPurges.minus(debt, applied.invalidated());
      if (!rest.isEmpty() && !applier.purge(rest)) {
        return Optional.empty();
      }
      owed.paid(body);
    }
    return Optional.of(OwedPurges.union(applied.invalidated(), debt));
  }

  private static WebhookResult notPurged() {
    LOG.warning(
        "[Webhook] Refused (503): the change is applied and stored, its purge failed; owed to the retry");
    return new WebhookResult(503, WebhookResponses.error(NOT_PURGED), Outcome.NOT_PURGED);
  }

  private WebhookResult success(
      WebhookEvent event, Invalidation invalidated, int staleCount, String flag, Outcome outcome) {
    return new WebhookResult(
        200,
        WebhookResponses.success(event, invalidated, staleCount, flag, clock.millis()),
        outcome);
  }
}
