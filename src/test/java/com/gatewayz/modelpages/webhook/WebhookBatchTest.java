package com.gatewayz.modelpages.webhook;

import static com.gatewayz.modelpages.webhook.Events.added;
import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.catalog.CatalogStore;
import com.gatewayz.modelpages.catalog.CatalogStores;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Big batches and concurrent use: one swap per event, and no reader sees data older than a 200. */
class WebhookBatchTest {

  @RegisterExtension final CatalogStores stores = new CatalogStores();

  private static final long T = 1_700_000_000_000L;
  private static final int BATCH = 1_000;
  // One gateway per writer, each one the registry knows.
  private static final List<String> WRITERS = List.of("groq", "together", "xai");

  private static JsonObject model(String id, int version) {
    return Json.createObjectBuilder(Events.model(id))
        .add("description", "v" + version + " " + "A capable model. ".repeat(60))
        .build();
  }

  private static byte[] batch(int version, long timestamp) {
    JsonObject[] models = new JsonObject[BATCH];
    for (int i = 0; i < BATCH; i++) {
      models[i] = model("vendor/model-" + i, version);
    }
    return added("openrouter", timestamp, models);
  }

  @Test
  void aThousandModelBatchIsOneSwapOneWriteAndOnePurgePass(
      @TempDir Path dataDir, TestReporter report) {
    CatalogStore store = stores.at(dataDir);
    WebhookFixture site = new WebhookFixture(WebhookFixture.SECRET, store);
    byte[] first = batch(1, T);

    timed(site, first, report, "durableAddMillis");
    timed(site, batch(2, T + 1), report, "durableUpdateMillis");

    assertThat(first.length).isGreaterThan(1_000_000);
    // One listener call (the purge pass) per event, each after its one durable write.
    assertThat(site.changes).hasSize(2);
    assertThat(site.changes.get(0).added()).hasSize(BATCH);
    assertThat(site.changes.get(1).changed()).hasSize(BATCH);
    assertThat(store.load()).contains(site.catalog.state());
  }

  @Test
  void aThousandModelBatchIsVerifiedParsedAndAppliedAsOneChange(TestReporter report) {
    WebhookFixture site = new WebhookFixture();
    byte[] body = batch(1, T);

    // The time is reported, not asserted: speed is the benchmarks' subject (bench/run.sh).
    timed(site, body, report, "inMemoryAddMillis");

    assertThat(site.changes).singleElement().satisfies(c -> assertThat(c.added()).hasSize(BATCH));
  }

  /** Sends {@code body}, checks it was applied, and reports how long it took. */
  private static long timed(WebhookFixture site, byte[] body, TestReporter report, String key) {
    long start = System.nanoTime();
    WebhookResult result = site.send(body);
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    report.publishEntry(key, Long.toString(millis));
    assertThat(result.outcome()).isEqualTo(WebhookResult.Outcome.OK);
    JsonObject processed = result.body().getJsonObject("processed");
    assertThat(processed.getInt("models_count")).isEqualTo(BATCH);
    assertThat(processed.getJsonObject("invalidated").getJsonArray("tags")).hasSize(BATCH + 1);
    return millis;
  }

  @Test
  void noReaderThatStartsAfterAWebhookReturnsSeesOlderData() throws Exception {
    WebhookFixture site = new WebhookFixture();
    int writers = WRITERS.size();
    int versions = 150;
    AtomicLongArray returned = new AtomicLongArray(writers);
    AtomicBoolean done = new AtomicBoolean();
    CountDownLatch start = new CountDownLatch(1);
    for (int w = 0; w < writers; w++) {
      site.send(added(WRITERS.get(w), T, model("m/" + w, 0)));
    }
    ExecutorService pool = Executors.newFixedThreadPool(writers + 4);
    try {
      List<Future<Long>> readers = new ArrayList<>();
      for (int r = 0; r < 4; r++) {
        readers.add(pool.submit(() -> read(site, returned, done, start)));
      }
      List<Future<?>> sends = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        sends.add(pool.submit(() -> write(site, writer, versions, returned, start)));
      }
      start.countDown();
      for (Future<?> send : sends) {
        send.get(60, TimeUnit.SECONDS);
      }
      done.set(true);
      for (Future<Long> reader : readers) {
        assertThat(reader.get(60, TimeUnit.SECONDS)).isPositive();
      }
    } finally {
      pool.shutdownNow();
    }
    for (int w = 0; w < writers; w++) {
      assertThat(version(site, w)).isEqualTo(versions);
    }
  }

  private static Void write(
      WebhookFixture site, int writer, int versions, AtomicLongArray returned, CountDownLatch start)
      throws InterruptedException {
    start.await();
    for (int v = 1; v <= versions; v++) {
      WebhookResult result = site.send(added(WRITERS.get(writer), T + v, model("m/" + writer, v)));
      assertThat(result.outcome()).isEqualTo(WebhookResult.Outcome.OK);
      returned.set(writer, v);
    }
    return null;
  }

  /** Reads until the writers are done; fails on any model older than a returned webhook's. */
  private static long read(
      WebhookFixture site, AtomicLongArray returned, AtomicBoolean done, CountDownLatch start)
      throws InterruptedException {
    start.await();
    long reads = 0;
    while (!done.get() || reads == 0) {
      for (int w = 0; w < returned.length(); w++) {
        long floor = returned.get(w);
        assertThat(version(site, w)).isGreaterThanOrEqualTo(floor);
        reads++;
      }
    }
    return reads;
  }

  private static long version(WebhookFixture site, int writer) {
    String description = site.catalog.current().find("m/" + writer).orElseThrow().description();
    return Long.parseLong(description.substring(1, description.indexOf(' ')));
  }
}
