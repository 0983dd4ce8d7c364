package com.gatewayz.modelpages.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property: forgetting through the per-gateway expiry memo gives, at every step of random removals,
 * refreshes and clock jumps, exactly what scanning every entry ({@link
 * CatalogUpdates#forgetExpired}) gives.
 */
class ExpiredTombstonesTest {

  @Test
  void forgetsExactlyWhatAFullScanForgets() {
    GeneratedCatalog generated = new GeneratedCatalog(9);
    Random random = new Random(9);
    CatalogState state = generated.state(400);
    ExpiredTombstones tombstones = new ExpiredTombstones();
    long now = 1_000_000;
    int forgotten = 0;
    for (int step = 0; step < 300; step++) {
      now += Duration.ofHours(random.nextInt(3) == 0 ? 50 : 2).toMillis();
      String gateway = GeneratedCatalog.GATEWAYS.get(random.nextInt(4));
      List<String> keys = new ArrayList<>(state.entriesOf(gateway).keySet());
      long eventTime = now - random.nextInt((int) Duration.ofDays(3).toMillis());
      CatalogState changed =
          switch (random.nextInt(4)) {
            case 0 ->
                CatalogUpdates.remove(
                        state, gateway, List.of(keys.get(random.nextInt(keys.size()))), eventTime)
                    .state();
            case 1 ->
                CatalogUpdates.refresh(
                        state, gateway, visibleWithoutOne(state, gateway, random), now)
                    .state();
            case 2 ->
                CatalogUpdates.upsert(state, gateway, oneListing(state, random), eventTime).state();
            default -> state;
          };
      CatalogState expected = CatalogUpdates.forgetExpired(changed, now);
      state = tombstones.forget(changed, now);
      assertThat(state).as("step %s", step).isEqualTo(expected);
      forgotten += expected.equals(changed) ? 0 : 1;
    }
    assertThat(forgotten).as("steps that forgot something").isGreaterThan(5);
  }

  private static List<Listing> oneListing(CatalogState state, Random random) {
    List<Listing> all = new ArrayList<>();
    state.sources().values().stream()
        .flatMap(entries -> entries.values().stream())
        .filter(entry -> entry.listing() != null)
        .forEach(entry -> all.add(entry.listing()));
    return List.of(all.get(random.nextInt(all.size())));
  }

  @Test
  void aWebhookChangingOneEntryScansNoGatewayWhole() {
    GeneratedCatalog generated = new GeneratedCatalog(4);
    CatalogState state = generated.state(400);
    ExpiredTombstones tombstones = new ExpiredTombstones();
    long now = 1_000_000;
    state = tombstones.forget(state, now);
    String gateway = GeneratedCatalog.GATEWAYS.get(0);
    String key = state.entriesOf(gateway).keySet().iterator().next();
    int scansAtStart = tombstones.scans;

    CatalogState removed = CatalogUpdates.remove(state, gateway, List.of(key), now).state();
    state = tombstones.forget(removed, now + 1);
    assertThat(tombstones.scans).as("whole-map scans").isEqualTo(scansAtStart);

    // The tombstone it left is forgotten when its time comes, as a full scan would.
    long later = now + CatalogUpdates.TOMBSTONE_TTL.toMillis() + 1;
    assertThat(tombstones.forget(state, later))
        .isEqualTo(CatalogUpdates.forgetExpired(state, later));
    assertThat(tombstones.forget(state, later).entriesOf(gateway)).doesNotContainKey(key);
  }

  private static List<Listing> visibleWithoutOne(CatalogState state, String gateway, Random r) {
    List<Listing> listed = new ArrayList<>();
    state.entriesOf(gateway).values().stream()
        .filter(SourceEntry::isVisible)
        .forEach(entry -> listed.add(entry.listing()));
    if (!listed.isEmpty()) {
      listed.remove(r.nextInt(listed.size()));
    }
    return listed;
  }
}
