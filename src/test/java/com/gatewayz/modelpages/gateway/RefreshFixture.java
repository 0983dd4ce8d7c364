package com.gatewayz.modelpages.gateway;

import com.gatewayz.modelpages.catalog.CatalogChange;
import com.gatewayz.modelpages.catalog.CatalogMerger;
import com.gatewayz.modelpages.catalog.CatalogService;
import com.gatewayz.modelpages.catalog.CatalogState;
import com.gatewayz.modelpages.gateway.RefreshSummary.GatewayRun;
import com.gatewayz.modelpages.testing.MutableClock;
import com.gatewayz.modelpages.testing.StubGateway;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A refresh job over a stub with four gateways: alpha (OpenRouter format), beta (OpenAI format),
 * gamma (needs {@code GAMMA_API_KEY}, unset) and delta (disabled); an in-memory catalog that
 * records every purge it causes.
 */
final class RefreshFixture implements AutoCloseable {

  final MutableClock clock = MutableClock.atEpochSeconds(1_700_000_000);
  final List<CatalogChange> purges = new CopyOnWriteArrayList<>();
  final StubGateway stub;
  final GatewayRegistry registry;
  final CatalogService catalog;
  GatewayFetcher fetcher;
  RefreshJob job;

  RefreshFixture() throws IOException {
    stub = new StubGateway();
    registry = registry();
    catalog =
        new CatalogService(
            CatalogState.empty(), new CatalogMerger(registry.priorities(), List.of()), null, clock);
    catalog.addListener(purges::add);
    use(TestGateways.fastPolicy());
    alpha(model("acme/a1", "0.000001"));
    beta("b1");
  }

  /** Replaces the fetcher and the job by ones fetching with {@code policy}. */
  void use(FetchPolicy policy) {
    close(job, fetcher);
    fetcher = new GatewayFetcher(Map.<String, String>of()::get, clock, policy);
    job = new RefreshJob(registry, fetcher, catalog, clock);
  }

  /**
   * A new job over the same catalog (as after a restart) holding suspicious lists for {@code
   * confirmations}.
   */
  void restartJob(int confirmations) {
    job.close();
    job = new RefreshJob(registry, fetcher, catalog, clock, confirmations);
  }

  private GatewayRegistry registry() {
    String json =
        """
        {"gateways": [%s, %s, %s, %s]}\
        """
            .formatted(
                entry("alpha", "openrouter", 10, null, true),
                entry("beta", "openai", 20, null, true),
                entry("gamma", "openai", 30, "GAMMA_API_KEY", true),
                entry("delta", "openai", 40, null, false));
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    return GatewayRegistry.read(new ByteArrayInputStream(bytes), "test");
  }

  private String entry(String id, String format, int order, String keyEnv, boolean enabled) {
    return """
    {"id": "%s", "displayName": "%S", "listUrl": "%s", "format": "%s", "priority": "fast",
     "order": %d, "apiKeyEnv": %s, "enabled": %b}\
    """
        .formatted(
            id,
            id,
            stub.uri("/" + id),
            format,
            order,
            keyEnv == null ? "null" : '"' + keyEnv + '"',
            enabled);
  }

  /** An OpenRouter-format entry. */
  static String model(String id, String promptPrice) {
    return """
    {"id": "%s", "name": "%s", "context_length": 8192,
     "pricing": {"prompt": "%s", "completion": "0.000002"}}\
    """
        .formatted(id, id, promptPrice);
  }

  /** What alpha lists from now on. */
  void alpha(String... models) {
    stub.json("/alpha", "{\"data\": [" + String.join(",", models) + "]}");
  }

  /** What beta lists from now on: prefix-less ids owned by "Beta". */
  void beta(String... ids) {
    List<String> entries = new java.util.ArrayList<>();
    for (String id : ids) {
      entries.add("{\"id\": \"" + id + "\", \"owned_by\": \"Beta\"}");
    }
    stub.json("/beta", "{\"object\": \"list\", \"data\": [" + String.join(",", entries) + "]}");
  }

  static GatewayRun run(RefreshSummary summary, String id) {
    return summary.gateways().stream().filter(run -> run.id().equals(id)).findFirst().orElseThrow();
  }

  GatewayStatus status(String id) {
    return job.statuses().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
  }

  private static void close(RefreshJob job, GatewayFetcher fetcher) {
    if (job != null) {
      job.close();
      fetcher.close();
    }
  }

  @Override
  public void close() {
    close(job, fetcher);
    stub.close();
  }
}
