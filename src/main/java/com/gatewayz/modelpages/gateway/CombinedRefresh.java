package com.gatewayz.modelpages.gateway;

import com.gatewayz.modelpages.catalog.CatalogState;
import com.gatewayz.modelpages.catalog.CatalogUpdates;
import com.gatewayz.modelpages.catalog.CatalogUpdates.Outcome;
import com.gatewayz.modelpages.gateway.FetchResult.Fetched;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Every fetched list of one run as one catalog change: each gateway's refresh folded over the state
 * in merge order, so the run costs one swap, one durable write and one purge pass. Remembers each
 * gateway's own outcome for the log. Used by one thread.
 */
final class CombinedRefresh implements Function<CatalogState, Outcome> {

  private final List<Fetched> fetched;
  private final Map<String, Outcome> byGateway = new LinkedHashMap<>();

  CombinedRefresh(List<Fetched> fetched) {
    this.fetched = List.copyOf(fetched);
  }

  boolean isEmpty() {
    return fetched.isEmpty();
  }

  @Override
  public Outcome apply(CatalogState state) {
    byGateway.clear();
    CatalogState current = state;
    Set<String> added = new LinkedHashSet<>();
    Set<String> changed = new LinkedHashSet<>();
    Set<String> removed = new LinkedHashSet<>();
    Set<String> stale = new LinkedHashSet<>();
    for (Fetched list : fetched) {
      String id = list.gateway().id();
      Outcome outcome =
          CatalogUpdates.refresh(current, id, list.list().models(), list.fetchedAtMillis());
      byGateway.put(id, outcome);
      current = outcome.state();
      added.addAll(outcome.added());
      changed.addAll(outcome.changed());
      removed.addAll(outcome.removed());
      stale.addAll(outcome.stale());
    }
    return new Outcome(current, added, changed, removed, stale);
  }

  /** The outcome of {@code gatewayId}'s list in the last {@link #apply}. */
  Outcome outcomeOf(String gatewayId) {
    return byGateway.get(gatewayId);
  }
}
