package com.gatewayz.modelpages.webhook;

import static com.gatewayz.modelpages.webhook.Events.added;
import static com.gatewayz.modelpages.webhook.WebhookFixture.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.catalog.CatalogReplica;
import com.gatewayz.modelpages.catalog.CatalogState;
import com.gatewayz.modelpages.catalog.CatalogStores;
import com.gatewayz.modelpages.isr.Invalidation;
import com.gatewayz.modelpages.webhook.WebhookResult.Outcome;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * When a {@code webhook-id} counts as done: only once its change is committed and purged. A
 * delivery of an id still in flight is refused (409), a failed one leaves the id to the retry, and
 * a change whose purge failed is answered 503 with the purge owed to the retry.
 */
class WebhookCommitTest {

  private static final String ID = "xai/grok-3";
  private static final byte[] GROK = added("xai", 1_700_000_000_123L, Events.model(ID));
  private static final Invalidation GROK_PURGE =
      new Invalidation(List.of("model:" + ID, "models:list"), List.of("/models/" + ID));

  @RegisterExtension final CatalogStores stores = new CatalogStores();
  private final WebhookFixture site = new WebhookFixture();

  private WebhookResult deliver(String webhookId, byte[] body) {
    return deliver(site, webhookId, body);
  }

  private static WebhookResult deliver(WebhookFixture node, String webhookId, byte[] body) {
    return node.send(Signer.standard(SECRET, webhookId, WebhookFixture.NOW_SECONDS, body), body);
  }

  @Test
  void aDuplicateOfADeliveryInFlightIs409AndTheRetryIsAppliedWhenTheOriginalFails()
      throws Exception {
    GatedReplica replica = new GatedReplica();
    site.catalog.joinReplica(replica);
    CompletableFuture<WebhookResult> original =
        CompletableFuture.supplyAsync(() -> deliver("msg_1", GROK));
    assertThat(replica.entered.await(10, TimeUnit.SECONDS)).isTrue();

    WebhookResult duplicate = deliver("msg_1", GROK);

    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.outcome()).isEqualTo(Outcome.IN_FLIGHT);
    assertThat(duplicate.body().keySet()).containsExactly("error");
    replica.release.countDown();
    assertThat(original.get(10, TimeUnit.SECONDS).status()).isEqualTo(500);
    assertThat(site.catalog.current().find(ID)).isEmpty();

    WebhookResult retry = deliver("msg_1", GROK);

    assertThat(retry.outcome()).isEqualTo(Outcome.OK);
    assertThat(site.catalog.current().find(ID)).isPresent();
    assertThat(deliver("msg_1", GROK).outcome()).isEqualTo(Outcome.DUPLICATE);
  }

  @Test
  void aDuplicateOfADeliveryInFlightIs409EvenWhenTheOriginalSucceeds() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    site.catalog.addListener(
        change -> {
          entered.countDown();
          await(release);
        });
    CompletableFuture<WebhookResult> original =
        CompletableFuture.supplyAsync(() -> deliver("msg_1", GROK));
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

    assertThat(deliver("msg_1", GROK).status()).isEqualTo(409);

    release.countDown();
    assertThat(original.get(10, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.OK);
    assertThat(deliver("msg_1", GROK).outcome()).isEqualTo(Outcome.DUPLICATE);
  }

  @Test
  void aChangeWhosePurgeFailedIs503KeptAndItsRetryPurgesIt() {
    failFirstCatalogPurge();

    WebhookResult failed = deliver("msg_1", GROK);

    assertThat(failed.status()).isEqualTo(503);
    assertThat(failed.outcome()).isEqualTo(Outcome.NOT_PURGED);
    assertThat(failed.body().getString("error")).contains("could not be purged");
    assertThat(site.catalog.current().find(ID)).isPresent();
    assertThat(site.purges).isEmpty();
    CatalogState applied = site.catalog.state();

    WebhookResult retry = deliver("msg_1", GROK);

    assertThat(retry.status()).isEqualTo(200);
    assertThat(site.catalog.state()).isEqualTo(applied);
    assertThat(site.purges).containsExactly(GROK_PURGE);
    assertThat(
            retry
                .body()
                .getJsonObject("processed")
                .getJsonObject("invalidated")
                .getJsonArray("tags"))
        .hasSize(2);
  }

  @Test
  void thePurgeIsOwedToTheBodyWhateverItsIdAndPaidOnce() {
    failFirstCatalogPurge();
    deliver("msg_1", GROK);

    assertThat(deliver("msg_2", GROK).status()).isEqualTo(200);
    assertThat(site.send(GROK).status()).isEqualTo(200);

    assertThat(site.purges).containsExactly(GROK_PURGE);
  }

  @Test
  void aPurgeOwedSurvivesARestartAndTheRetryAfterItPurgesOnce(@TempDir Path dataDir) {
    WebhookFixture before = storedIn(dataDir);
    failFirstCatalogPurge(before);
    assertThat(deliver(before, "msg_1", GROK).status()).isEqualTo(503);

    WebhookFixture restarted = storedIn(dataDir);
    assertThat(restarted.catalog.current().find(ID)).isPresent();
    WebhookResult retry = deliver(restarted, "msg_1", GROK);

    assertThat(retry.status()).isEqualTo(200);
    assertThat(restarted.changes).isEmpty();
    assertThat(restarted.purges).containsExactly(GROK_PURGE);
    assertThat(dataDir.resolve(OwedPurgesFile.NAME)).doesNotExist();
    WebhookFixture again = storedIn(dataDir);
    assertThat(deliver(again, "msg_2", GROK).status()).isEqualTo(200);
    assertThat(again.purges).isEmpty();
  }

  @Test
  void aStatusChangeWhosePurgeFailedIs503AndItsRetryPurges() {
    AtomicBoolean failing = new AtomicBoolean(true);
    WebhookProcessor processor =
        site.processorWith(
            (tags, paths) -> {
              if (failing.getAndSet(false)) {
                throw new IllegalStateException("the page cache is gone");
              }
              Invalidation invalidation = new Invalidation(List.copyOf(tags), List.copyOf(paths));
              site.purges.add(invalidation);
              return invalidation;
            });
    byte[] down = Events.status("xai", "down", 1_700_000_000_000L);
    Map<String, String> headers = Signer.legacy(SECRET, down);

    assertThat(processor.process(headers::get, down).outcome()).isEqualTo(Outcome.NOT_PURGED);
    assertThat(processor.process(headers::get, down).status()).isEqualTo(200);

    // The retry's own purge covers what the first delivery owed: purged once, not twice.
    assertThat(site.purges)
        .containsExactly(new Invalidation(List.of("models:gateway:xai", "models:list"), List.of()));
  }

  private void failFirstCatalogPurge() {
    failFirstCatalogPurge(site);
  }

  private static void failFirstCatalogPurge(WebhookFixture node) {
    AtomicBoolean failing = new AtomicBoolean(true);
    node.catalog.addListener(
        change -> {
          if (failing.getAndSet(false)) {
            throw new IllegalStateException("the page cache is gone");
          }
        });
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * A shared catalog that takes the first publish after {@link #joinReplica} (the join's own), then
   * holds the next one until released and fails it: a delivery in flight that then fails.
   */
  private static final class GatedReplica implements CatalogReplica {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    private volatile long version;
    private volatile CatalogState state = CatalogState.empty();
    private volatile boolean gated;

    @Override
    public boolean isShared() {
      return true;
    }

    @Override
    public long version() {
      return version;
    }

    @Override
    public Optional<Replicated> read() {
      return Optional.of(new Replicated(version, state));
    }

    @Override
    public boolean publish(long basedOn, CatalogState next) {
      if (gated) {
        gated = false;
        entered.countDown();
        WebhookCommitTest.await(release);
        throw new IllegalStateException("the shared catalog went away mid-publish");
      }
      if (basedOn != version) {
        return false;
      }
      state = next;
      version = basedOn + 1;
      gated = version == 1;
      return true;
    }
  }

  /** A node over {@code dataDir} (after a restart when another was there before). */
  private WebhookFixture storedIn(Path dataDir) {
    return WebhookFixture.storedIn(stores.at(dataDir), dataDir);
  }
}
