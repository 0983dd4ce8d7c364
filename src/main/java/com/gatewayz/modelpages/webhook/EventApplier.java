package com.gatewayz.modelpages.webhook;

import com.gatewayz.modelpages.catalog.CacheTags;
import com.gatewayz.modelpages.catalog.CatalogService;
import com.gatewayz.modelpages.catalog.CatalogState;
import com.gatewayz.modelpages.catalog.CatalogUpdates;
import com.gatewayz.modelpages.isr.Invalidation;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Applies a parsed event to the catalog in one {@link CatalogService#update} (one swap, one durable
 * write, one purge pass by the catalog's listeners, all before returning). Who wins is {@link
 * CatalogUpdates}' rule; models of a partly stale event that are fresh are applied.
 */
final class EventApplier {

  private static final Logger LOG = Logger.getLogger(EventApplier.class.getName());

  /**
   * What applying did; {@code allStale} means nothing was applied. {@code purged} is false when the
   * change was applied and stored but purging {@code invalidated} failed.
   */
  record Applied(Invalidation invalidated, int staleCount, boolean allStale, boolean purged) {}

  private final CatalogService catalog;
  private final Purger purger;

  EventApplier(CatalogService catalog, Purger purger) {
    this.catalog = catalog;
    this.purger = purger;
  }

  Applied apply(WebhookEvent event, EventType type) {
    String gateway = event.gateway();
    long time = event.eventTime();
    return switch (type) {
      case MODELS_ADDED, MODELS_UPDATED ->
          models(event, state -> CatalogUpdates.upsert(state, gateway, event.listings(), time));
      case MODELS_REMOVED ->
          models(event, state -> CatalogUpdates.remove(state, gateway, event.removedIds(), time));
      case GATEWAY_STATUS_CHANGED -> status(gateway, event.status(), time);
    };
  }

  private Applied models(
      WebhookEvent event, Function<CatalogState, CatalogUpdates.Outcome> change) {
    CatalogService.Applied applied = catalog.update(change);
    int stale = applied.outcome().stale().size();
    // Ids are unique within an event, so this counts every model of it.
    boolean allStale = stale > 0 && stale == event.modelsCount();
    Invalidation invalidated =
        new Invalidation(
            CacheTags.purgedBy(applied.change()), CacheTags.pathsPurgedBy(applied.change()));
    return new Applied(invalidated, stale, allStale, applied.told());
  }

  // The status is not a model change, so no catalog listener purges for it: purge here. An
  // older report than the one kept is stale, like an older model event.
  private Applied status(String gateway, String status, long time) {
    CatalogService.Applied applied =
        catalog.update(state -> CatalogUpdates.status(state, gateway, status, time));
    if (!applied.outcome().stale().isEmpty()) {
      return new Applied(Invalidation.NOTHING, 0, true, true);
    }
    Invalidation invalidated =
        new Invalidation(List.of(CacheTags.gateway(gateway), CacheTags.LIST), List.of());
    return new Applied(invalidated, 0, false, purge(invalidated));
  }

  /**
   * Purges {@code invalidation}; false when that failed, whatever the purge threw (a cluster-wide
   * purge that cannot be made durable included): what was applied stays applied, and the caller
   * answers so that the sender retries.
   */
  boolean purge(Invalidation invalidation) {
    try {
      purger.purge(invalidation.tags(), invalidation.paths());
      return true;
    } catch (RuntimeException e) {
      LOG.log(
          Level.SEVERE,
          "[Webhook] Purge failed: tags="
              + invalidation.tags().size()
              + " paths="
              + invalidation.paths().size(),
          e);
      return false;
    }
  }
}
