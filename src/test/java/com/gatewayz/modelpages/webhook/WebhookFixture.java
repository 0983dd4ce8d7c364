package com.gatewayz.modelpages.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.catalog.CatalogChange;
import com.gatewayz.modelpages.catalog.CatalogMerger;
import com.gatewayz.modelpages.catalog.CatalogService;
import com.gatewayz.modelpages.catalog.CatalogState;
import com.gatewayz.modelpages.catalog.CatalogStore;
import com.gatewayz.modelpages.isr.Invalidation;
import com.gatewayz.modelpages.testing.MutableClock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A processor over a real in-memory catalog, recording catalog changes and purges. */
final class WebhookFixture {

  static final String SECRET = "test-secret-0123456789";
  static final long NOW_SECONDS = 1_700_000_000L;

  final MutableClock clock = MutableClock.atEpochSeconds(NOW_SECONDS);
  final ReplayGuard replays = new ReplayGuard(clock);
  final CatalogService catalog;
  final List<CatalogChange> changes = Collections.synchronizedList(new ArrayList<>());
  final List<Invalidation> purges = Collections.synchronizedList(new ArrayList<>());
  final WebhookProcessor processor;

  WebhookFixture() {
    this(SECRET, null);
  }

  WebhookFixture(String secretSetting, CatalogStore store) {
    this(secretSetting, store, CatalogState.empty(), null);
  }

  /**
   * A node over {@code dataDir}: its catalog loaded from and stored there, its owed purges too. A
   * second fixture over the same directory is the node after a restart. The test closes the store
   * ({@code CatalogStores}).
   */
  static WebhookFixture storedIn(CatalogStore store, Path dataDir) {
    return new WebhookFixture(SECRET, store, store.load().orElse(CatalogState.empty()), dataDir);
  }

  private WebhookFixture(
      String secretSetting, CatalogStore store, CatalogState initial, Path dataDir) {
    catalog = new CatalogService(initial, new CatalogMerger(Map.of(), List.of()), store, clock);
    catalog.addListener(changes::add);
    Purger purger =
        (tags, paths) -> {
          Invalidation invalidation = new Invalidation(List.copyOf(tags), List.copyOf(paths));
          purges.add(invalidation);
          return invalidation;
        };
    Optional<WebhookVerifier> verifier = WebhookVerifier.fromSetting(secretSetting, clock);
    processor =
        dataDir == null
            ? new WebhookProcessor(verifier, replays, catalog, Events.GATEWAYS, purger, clock)
            : new WebhookProcessor(
                verifier, replays, catalog, Events.GATEWAYS, purger, dataDir, clock);
  }

  /** Another processor over this catalog, replay guard and clock, verifying {@link #SECRET}. */
  WebhookProcessor processorWith(Purger purger) {
    return new WebhookProcessor(
        WebhookVerifier.fromSetting(SECRET, clock),
        replays,
        catalog,
        Events.GATEWAYS,
        purger,
        clock);
  }

  /** Signed with the legacy hex scheme and {@link #SECRET}. */
  WebhookResult send(byte[] body) {
    return send(Signer.legacy(SECRET, body), body);
  }

  WebhookResult send(Map<String, String> headers, byte[] body) {
    return processor.process(headers::get, body);
  }

  /** Sends {@code body} and checks that it changed nothing: no state, no swap, no purge. */
  WebhookResult sendChangingNothing(Map<String, String> headers, byte[] body) {
    CatalogState before = catalog.state();
    WebhookResult result = send(headers, body);
    assertThat(catalog.state()).isEqualTo(before);
    assertThat(changes).isEmpty();
    assertThat(purges).isEmpty();
    return result;
  }

  long nowMillis() {
    return clock.millis();
  }
}
