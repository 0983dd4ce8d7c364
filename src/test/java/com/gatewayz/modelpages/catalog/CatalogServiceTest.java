package com.gatewayz.modelpages.catalog;

import static com.gatewayz.modelpages.catalog.CatalogMergerTest.listing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.gatewayz.modelpages.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class CatalogServiceTest {

  @TempDir Path dataDir;
  @RegisterExtension final CatalogStores stores = new CatalogStores();

  private final MutableClock clock = MutableClock.atEpochSeconds(1_700_000_000);

  private CatalogService service(CatalogStore store) {
    return new CatalogService(
        CatalogState.empty(), new CatalogMerger(Map.of(), List.of()), store, clock);
  }

  @Test
  void anUpdateIsStoredSwappedAndAnnouncedBeforeItReturns() {
    CatalogStore store = stores.at(dataDir);
    CatalogService service = service(store);
    List<CatalogChange> seen = new ArrayList<>();
    service.addListener(
        change -> {
          seen.add(change);
          // Listeners (purges) run after the new catalog is visible and stored.
          assertThat(service.current().find("x/a")).isPresent();
          assertThat(store.load()).isPresent();
        });

    CatalogService.Applied applied =
        service.update(
            state -> CatalogUpdates.upsert(state, "g", List.of(listing("x/a", null, "1", "1")), 5));

    assertThat(applied.change().added()).containsExactly("x/a");
    assertThat(seen).hasSize(1);
    assertThat(stores.at(dataDir).load().orElseThrow()).isEqualTo(service.state());
  }

  @Test
  void aModelThatLeavesIsRetiredAndComesBackWhenListedAgain() {
    CatalogService service = service(null);
    service.update(
        state -> CatalogUpdates.upsert(state, "g", List.of(listing("x/a", null, "1", "1")), 5));

    service.update(state -> CatalogUpdates.remove(state, "g", List.of("x/a"), 6));
    assertThat(service.current().find("x/a")).isEmpty();
    assertThat(service.current().retired("x/a"))
        .hasValueSatisfying(r -> assertThat(r.retiredAt()).isEqualTo(clock.millis()));

    service.update(
        state -> CatalogUpdates.upsert(state, "g", List.of(listing("x/a", null, "1", "1")), 7));
    assertThat(service.current().find("x/a")).isPresent();
    assertThat(service.current().retired("x/a")).isEmpty();
  }

  @Test
  void anUpdateThatChangesNothingNotifiesNoOne() {
    CatalogService service = service(null);
    service.update(
        state -> CatalogUpdates.refresh(state, "g", List.of(listing("x/a", null, "1", "1")), 5));
    List<CatalogChange> seen = new ArrayList<>();
    service.addListener(seen::add);

    service.update(
        state -> CatalogUpdates.refresh(state, "g", List.of(listing("x/a", null, "1", "1")), 6));

    assertThat(seen).isEmpty();
  }

  @Test
  void aFailedStoreAppliesNothing() throws Exception {
    Path notADirectory = Files.writeString(dataDir.resolve("file"), "x");
    CatalogService service = service(new CatalogStore(notADirectory));

    assertThatThrownBy(
            () ->
                service.update(
                    state ->
                        CatalogUpdates.upsert(
                            state, "g", List.of(listing("x/a", null, "1", "1")), 5)))
        .isInstanceOf(java.io.UncheckedIOException.class);
    assertThat(service.current().find("x/a")).isEmpty();
  }

  // As the list formats built them before the bounds were shared: a developer slug with a dot, a
  // name with a bidi override, a release date in the year 3024.
  private static List<Listing> gatewayList() {
    return List.of(
        Listing.builder("Mistral.AI/large")
            .gatewayModelId("large")
            .name("Large \u202Eegral")
            .developer("mistral.ai")
            .description("Line\r\nnext")
            .contextLength(32768L)
            .pricing(Pricing.perToken("0.000002", "0.000006"))
            .supportedParameters(List.of("tools"))
            .created(33_260_976_000L)
            .build(),
        listing("x/a", null, "0.000001", "0.000001"));
  }

  @Test
  void aCatalogLoadsBackIdenticalAndARestartPurgesNothing() {
    CatalogService before = service(stores.at(dataDir));
    before.update(state -> CatalogUpdates.refresh(state, "g", gatewayList(), 5));

    CatalogState loaded = stores.at(dataDir).load().orElseThrow();
    CatalogService after =
        new CatalogService(
            loaded, new CatalogMerger(Map.of(), List.of()), stores.at(dataDir), clock);
    List<CatalogChange> seen = new ArrayList<>();
    after.addListener(seen::add);
    CatalogService.Applied refreshed =
        after.update(state -> CatalogUpdates.refresh(state, "g", gatewayList(), 6));

    assertThat(loaded).isEqualTo(before.state());
    assertThat(after.current().models()).isEqualTo(before.current().models());
    assertThat(after.current().find("Mistral.AI/large").orElseThrow().developer())
        .isEqualTo("mistral-ai");
    assertThat(refreshed.outcome().appliedAnything()).isFalse();
    assertThat(seen).isEmpty();
  }

  @Test
  void tombstonesOlderThanTheirTimeToLiveAreForgottenWithTheNextChange() {
    CatalogService service = service(null);
    service.update(
        state ->
            CatalogUpdates.upsert(
                state, "g", List.of(listing("x/a", null, "1", "1")), clock.millis()));
    service.update(state -> CatalogUpdates.remove(state, "g", List.of("x/a"), clock.millis()));
    clock.advance(CatalogUpdates.TOMBSTONE_TTL.minusMinutes(1));
    service.update(
        state ->
            CatalogUpdates.upsert(
                state, "g", List.of(listing("x/b", null, "1", "1")), clock.millis()));
    assertThat(service.state().entriesOf("g")).containsKey("x/a");

    clock.advance(java.time.Duration.ofMinutes(2));
    service.update(
        state ->
            CatalogUpdates.upsert(
                state, "g", List.of(listing("x/c", null, "1", "1")), clock.millis()));

    assertThat(service.state().entriesOf("g")).containsOnlyKeys("x/b", "x/c");
    assertThat(service.current().retired("x/a")).isPresent();
  }
}
