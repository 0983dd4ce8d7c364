package com.gatewayz.modelpages.catalog;

import static com.gatewayz.modelpages.catalog.CatalogMergerTest.listing;
import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.testing.MutableClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A refresh that merges differently than the last one purges exactly the pages whose offers moved
 * (issue 14): here a second developer's model of the same name (OpenRouter listings carry canonical
 * slugs, so their developers count) makes a bare name ambiguous, so the host's offer leaves the
 * model it had joined and becomes a model of its own.
 */
class RemergePurgeTest {

  private final MutableClock clock = MutableClock.atEpochSeconds(1_700_000_000);
  private final CatalogService service =
      new CatalogService(
          CatalogState.empty(),
          new CatalogMerger(Map.of("openrouter", 1, "azure", 2), List.of()),
          null,
          clock);

  private static Listing atAzure(String name) {
    return Listing.builder("azure/" + name)
        .gatewayModelId(name)
        .pricing(Pricing.perToken("0.000001", "0.000001"))
        .build();
  }

  private void refresh(String gateway, Listing... listings) {
    service.update(
        state -> CatalogUpdates.refresh(state, gateway, List.of(listings), clock.millis()));
  }

  @Test
  void onlyTheModelsWhoseOffersMovedAndTheNewModelsArePurged() {
    Listing alpha = listing("acme/alpha-2", "acme/alpha-2", "0.000001", "0.000002");
    Listing beta = listing("acme/beta-9b", "acme/beta-9b", "0.000001", "0.000002");
    refresh("openrouter", alpha, beta);
    refresh("azure", atAzure("beta-9b"), atAzure("alpha-2"));
    assertThat(service.current().models())
        .extracting(Model::id)
        .containsExactly("acme/alpha-2", "acme/beta-9b");
    List<CatalogChange> changes = new ArrayList<>();
    service.addListener(changes::add);

    refresh(
        "openrouter", alpha, beta, listing("zeta/beta-9b", "zeta/beta-9b", "0.000003", "0.000003"));

    Catalog catalog = service.current();
    assertThat(catalog.models())
        .extracting(Model::id)
        .containsExactly("acme/alpha-2", "acme/beta-9b", "zeta/beta-9b", "azure/beta-9b");
    CatalogChange change = changes.get(0);
    assertThat(change.changed()).containsExactly("acme/beta-9b");
    assertThat(change.added()).containsExactlyInAnyOrder("zeta/beta-9b", "azure/beta-9b");
    assertThat(change.removed()).isEmpty();
    assertThat(CacheTags.purgedBy(change))
        .containsExactlyInAnyOrder(
            "model:acme/beta-9b", "model:zeta/beta-9b", "model:azure/beta-9b", CacheTags.LIST);
    assertThat(CacheTags.pathsPurgedBy(change))
        .containsExactlyInAnyOrder(
            "/models/acme/beta-9b", "/models/zeta/beta-9b", "/models/azure/beta-9b");
  }

  @Test
  void aRefreshThatMergesTheSameWayPurgesNothing() {
    Listing beta = listing("acme/beta-9b", "acme/beta-9b", "0.000001", "0.000002");
    refresh("openrouter", beta);
    refresh("azure", atAzure("beta-9b"));
    List<CatalogChange> changes = new ArrayList<>();
    service.addListener(changes::add);

    clock.advance(java.time.Duration.ofSeconds(60));
    refresh("openrouter", beta);
    refresh("azure", atAzure("beta-9b"));

    assertThat(changes).isEmpty();
  }
}
