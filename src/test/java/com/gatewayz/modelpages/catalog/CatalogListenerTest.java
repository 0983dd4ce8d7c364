package com.gatewayz.modelpages.catalog;

import static com.gatewayz.modelpages.catalog.CatalogMergerTest.listing;
import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.testing.MutableClock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Listeners are told after the writer lock is released: one that blocks holds up only its caller.
 */
class CatalogListenerTest {

  private final CatalogService service =
      new CatalogService(
          CatalogState.empty(),
          new CatalogMerger(Map.of(), List.of()),
          null,
          MutableClock.atEpochSeconds(1_700_000_000));

  private CatalogService.Applied add(String id, long time) {
    return service.update(
        state -> CatalogUpdates.upsert(state, "g", List.of(listing(id, null, "1", "1")), time));
  }

  @Test
  void aListenerThatBlocksHoldsUpNeitherReadersNorOtherWriters() throws Exception {
    CountDownLatch told = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    service.addListener(
        change -> {
          if (change.added().contains("x/blocked")) {
            told.countDown();
            await(release);
          }
        });
    CompletableFuture<CatalogService.Applied> blocked =
        CompletableFuture.supplyAsync(() -> add("x/blocked", 5));
    try {
      assertThat(told.await(10, TimeUnit.SECONDS)).as("the listener was told").isTrue();

      CompletableFuture<CatalogService.Applied> other =
          CompletableFuture.supplyAsync(() -> add("x/other", 6));

      assertThat(other.get(10, TimeUnit.SECONDS).change().added()).containsExactly("x/other");
      assertThat(service.current().find("x/blocked")).isPresent();
      assertThat(service.current().find("x/other")).isPresent();
      // Its own caller still waits: an update returns only after its listeners (purges) ran.
      assertThat(blocked).isNotDone();
    } finally {
      release.countDown();
    }
    assertThat(blocked.get(10, TimeUnit.SECONDS).change().added()).containsExactly("x/blocked");
  }

  @Test
  void listenersAreToldOfEveryChangeOnce() {
    List<CatalogChange> seen = new CopyOnWriteArrayList<>();
    service.addListener(seen::add);

    add("x/a", 5);
    add("x/b", 6);
    add("x/b", 6);

    assertThat(seen).extracting(CatalogChange::added).containsExactly(Set.of("x/a"), Set.of("x/b"));
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
