package com.gatewayz.modelpages.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.testing.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The bench's scale check in-process: a refresh of every gateway that re-dates every entry (the
 * full merge path) and raises the prompt price of 1% of the listings, as {@code gencatalog.py
 * change} does, purges exactly the tags of the pages whose model changed. The expected set is
 * computed apart from the catalog's own diff: each page id's {@link Model} before and after.
 */
class CatalogRefreshPurgeTest {

  private static final int MODELS = 4_000;
  private static final BigDecimal RAISE = new BigDecimal("0.000001234");

  private final MutableClock clock = MutableClock.atEpochSeconds(1_700_000_000);
  private final GeneratedCatalog generated = new GeneratedCatalog(18);
  private final Map<String, List<Listing>> lists = generated.lists(MODELS);
  private final CatalogService service =
      new CatalogService(
          CatalogState.empty(),
          new CatalogMerger(GeneratedCatalog.PRIORITIES, List.of()),
          null,
          clock);

  @Test
  void aRefreshRaisingOnePercentOfPricesPurgesExactlyThePagesWhoseModelChanged() {
    refreshAll(lists);
    Catalog before = service.current();
    List<CatalogChange> changes = new ArrayList<>();
    service.addListener(changes::add);
    Map<String, List<Listing>> changed = raiseOnePercent(lists, new Random(19));
    clock.advance(Duration.ofMinutes(5));

    refreshAll(changed);

    Set<String> purged = new HashSet<>();
    changes.forEach(change -> purged.addAll(CacheTags.purgedBy(change)));
    Set<String> expected = pagesThatDiffer(before, service.current());
    assertThat(expected).hasSizeGreaterThan(MODELS / 200);
    expected.add(CacheTags.LIST);
    assertThat(purged).isEqualTo(expected);
  }

  // One combined change per run, as the gateway refresh job applies it.
  private void refreshAll(Map<String, List<Listing>> byGateway) {
    long at = clock.millis();
    service.update(
        state -> {
          CatalogState current = state;
          Set<String> added = new LinkedHashSet<>();
          Set<String> touched = new LinkedHashSet<>();
          Set<String> removed = new LinkedHashSet<>();
          for (Map.Entry<String, List<Listing>> list : byGateway.entrySet()) {
            CatalogUpdates.Outcome outcome =
                CatalogUpdates.refresh(current, list.getKey(), list.getValue(), at);
            current = outcome.state();
            added.addAll(outcome.added());
            touched.addAll(outcome.changed());
            removed.addAll(outcome.removed());
          }
          return new CatalogUpdates.Outcome(current, added, touched, removed, Set.of());
        });
  }

  // gencatalog.py change: a seeded 1% of the listings (of any gateway), prompt price + 1.234e-6.
  private static Map<String, List<Listing>> raiseOnePercent(
      Map<String, List<Listing>> lists, Random random) {
    Map<String, List<Listing>> changed = new java.util.LinkedHashMap<>();
    lists.forEach(
        (gateway, list) ->
            changed.put(
                gateway,
                list.stream()
                    .map(listing -> random.nextInt(100) == 0 ? raised(listing) : listing)
                    .toList()));
    return changed;
  }

  private static Listing raised(Listing l) {
    BigDecimal prompt = l.pricing().prompt() == null ? BigDecimal.ZERO : l.pricing().prompt();
    Pricing pricing = new Pricing(prompt.add(RAISE), l.pricing().completion());
    return new Listing(
        l.id(),
        l.gatewayModelId(),
        l.canonicalSlug(),
        l.name(),
        l.developer(),
        l.description(),
        l.contextLength(),
        l.maxCompletionTokens(),
        pricing,
        l.architecture(),
        l.supportedParameters(),
        l.created(),
        l.provider(),
        l.huggingFaceId());
  }

  /** The page tag of every id whose model was added, removed or differs in any field. */
  private static Set<String> pagesThatDiffer(Catalog before, Catalog after) {
    Set<String> ids = new HashSet<>();
    before.models().forEach(model -> ids.add(model.id()));
    after.models().forEach(model -> ids.add(model.id()));
    Set<String> tags = new HashSet<>();
    for (String id : ids) {
      if (!before.find(id).equals(after.find(id))) {
        tags.add(CacheTags.model(id));
      }
    }
    return tags;
  }
}
