package com.gatewayz.modelpages.gateway;

import com.gatewayz.modelpages.catalog.CatalogState;
import com.gatewayz.modelpages.catalog.CatalogUpdates.Outcome;
import com.gatewayz.modelpages.catalog.SourceEntry;
import com.gatewayz.modelpages.gateway.FetchResult.Failed;
import com.gatewayz.modelpages.gateway.FetchResult.Fetched;
import com.gatewayz.modelpages.gateway.FetchResult.Skipped;
import com.gatewayz.modelpages.gateway.RefreshSummary.GatewayRun;
import com.gatewayz.modelpages.gateway.RefreshSummary.Result;

/**
 * Turns a gateway's fetch result and its share of the applied change into its line of the summary.
 */
final class GatewayRuns {

  private GatewayRuns() {}

  /**
   * @param applyError why the combined change could not be applied (then nothing fetched counts as
   *     a success), or null
   * @param state the catalog state after the run, for the models a failed gateway keeps
   */
  static GatewayRun of(
      FetchResult result, CombinedRefresh refresh, String applyError, CatalogState state) {
    String id = result.gateway().id();
    int kept = visibleModels(state, id);
    if (result instanceof Fetched fetched && applyError == null) {
      return ok(fetched, refresh.outcomeOf(id));
    }
    if (result instanceof Fetched fetched) {
      return failed(id, kept, fetched.attempts(), fetched.millis(), Failures.INTERNAL, applyError);
    }
    if (result instanceof Failed failed) {
      return failed(
          id, kept, failed.attempts(), failed.millis(), failed.errorClass(), failed.error());
    }
    String reason = ((Skipped) result).reason();
    return new GatewayRun(id, Result.SKIPPED, kept, 0, 0, 0, 0, 0, reason, null);
  }

  private static GatewayRun ok(Fetched fetched, Outcome outcome) {
    int skipped = fetched.list().skippedCount();
    return new GatewayRun(
        fetched.gateway().id(),
        Result.OK,
        fetched.list().models().size(),
        outcome.added().size(),
        outcome.changed().size(),
        outcome.removed().size(),
        fetched.attempts(),
        fetched.millis(),
        skipped == 0 ? null : skipped + (skipped == 1 ? " entry" : " entries") + " skipped",
        null);
  }

  private static GatewayRun failed(
      String id, int kept, int attempts, long millis, String errorClass, String error) {
    return new GatewayRun(id, Result.FAILED, kept, 0, 0, 0, attempts, millis, error, errorClass);
  }

  /** The models the catalog holds from {@code gatewayId}: its visible entries. */
  static int visibleModels(CatalogState state, String gatewayId) {
    return (int)
        state.entriesOf(gatewayId).values().stream().filter(SourceEntry::isVisible).count();
  }
}
