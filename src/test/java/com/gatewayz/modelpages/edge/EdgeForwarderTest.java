package com.gatewayz.modelpages.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.isr.EdgeKeys;
import com.gatewayz.modelpages.isr.Invalidation;
import com.gatewayz.modelpages.platform.EdgeSettings;
import com.gatewayz.modelpages.testing.MutableClock;
import com.gatewayz.modelpages.testing.RecordingServer;
import com.gatewayz.modelpages.testing.RecordingServer.Answer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Purges go to every edge through the outbox: delivered at once when the edge answers, retried with
 * back-off (on the hand-moved clock, no sleeping) on 429 and 5xx, kept across a restart.
 */
class EdgeForwarderTest {

  private static final String CF_OK =
      "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":{\"id\":\"x\"}}";
  private static final Invalidation WEBHOOK =
      new Invalidation(
          List.of("model:openai/gpt-4o", "models:list"), List.of("/models/openai/gpt-4o"));

  @TempDir Path dir;
  private final MutableClock clock = MutableClock.atEpochSeconds(1_700_000_000);
  private final MeterRegistry registry = new SimpleMeterRegistry();
  private final RecordingServer fastlyApi =
      RecordingServer.start(Answer.of(200, "{\"status\":\"ok\"}"));
  private final RecordingServer cloudflareApi = RecordingServer.start(Answer.of(200, CF_OK));
  private EdgeForwarder forwarder;

  @AfterEach
  void stop() {
    if (forwarder != null) {
      forwarder.close();
    }
    fastlyApi.close();
    cloudflareApi.close();
  }

  private EdgeForwarder open() {
    EdgeSettings settings =
        new EdgeSettings(
            List.of(),
            Optional.of(
                new EdgeSettings.Api("SERVICE1", "fastly-token-123", URI.create(fastlyApi.url()))),
            Optional.of(
                new EdgeSettings.Api(
                    "ZONE1", "cloudflare-token-123", URI.create(cloudflareApi.url()))));
    return EdgeForwarder.open(settings, dir, clock, registry);
  }

  private EdgeStatus status(String name) {
    return forwarder.statuses().stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private double purges(String edge, String outcome) {
    return registry
        .get("modelpages.edge.purges")
        .tag("edge", edge)
        .tag("outcome", outcome)
        .counter()
        .count();
  }

  @Test
  void aPurgeIsForwardedByTagAndPathToEveryEdge() {
    forwarder = open();

    forwarder.purged(WEBHOOK);
    assertThat(forwarder.deliverDue()).isEqualTo(2);

    assertThat(fastlyApi.requests())
        .singleElement()
        .satisfies(
            request -> {
              assertThat(request.path()).isEqualTo("/service/SERVICE1/purge");
              assertThat(request.header("Surrogate-Key"))
                  .isEqualTo("model:openai/gpt-4o models:list path:/models/openai/gpt-4o");
            });
    assertThat(cloudflareApi.requests())
        .singleElement()
        .satisfies(
            request -> {
              assertThat(request.path()).isEqualTo("/zones/ZONE1/purge_cache");
              assertThat(request.body())
                  .isEqualTo(
                      "{\"tags\":[\"model:openai/gpt-4o\",\"models:list\",\"path:/models/openai/gpt-4o\"]}");
            });
    assertThat(forwarder.statuses())
        .allSatisfy(
            s -> {
              assertThat(s.pending()).isZero();
              assertThat(s.delivered()).isEqualTo(1);
              assertThat(s.circuit()).isEqualTo("closed");
              assertThat(s.lastSuccess()).isEqualTo(clock.instant());
            });
    assertThat(purges("fastly", "delivered")).isEqualTo(1);
  }

  @Test
  void purgingEverythingPurgesTheNameEveryPageCarries() {
    forwarder = open();

    forwarder.purged(Invalidation.EVERYTHING);
    forwarder.deliverDue();

    assertThat(fastlyApi.requests().get(0).header("Surrogate-Key")).isEqualTo(EdgeKeys.ALL);
    assertThat(cloudflareApi.requests().get(0).body())
        .isEqualTo("{\"tags\":[\"" + EdgeKeys.ALL + "\"]}");
  }

  @Test
  void aFailingEdgeIsRetriedWithExponentialBackOffAndItsCircuitOpensAndCloses() {
    forwarder = open();
    fastlyApi.enqueue(Answer.of(503, "down"), Answer.of(503, "down"), Answer.of(500, "still down"));

    forwarder.purged(WEBHOOK);
    forwarder.deliverDue();
    assertThat(status("fastly").pending()).isEqualTo(1);
    assertThat(status("fastly").lastError()).isEqualTo("HTTP 503: down");
    assertThat(status("fastly").nextAttempt()).isEqualTo(clock.instant().plusSeconds(1));
    assertThat(status("cloudflare").pending()).isZero(); // one edge down holds no other back

    forwarder.deliverDue();
    assertThat(fastlyApi.requests()).hasSize(1); // backing off: no request before the wait is over
    clock.advance(Duration.ofSeconds(1));
    forwarder.deliverDue();
    assertThat(status("fastly").nextAttempt()).isEqualTo(clock.instant().plusSeconds(2));
    clock.advance(Duration.ofSeconds(2));
    forwarder.deliverDue();
    assertThat(fastlyApi.requests()).hasSize(3);
    assertThat(status("fastly").circuit()).isEqualTo("open");
    assertThat(status("fastly").nextAttempt()).isEqualTo(clock.instant().plusSeconds(4));
    clock.advance(Duration.ofSeconds(3));
    assertThat(status("fastly").lagSeconds()).isEqualTo(6.0);
    assertThat(purges("fastly", "failed")).isEqualTo(3);

    clock.advance(Duration.ofSeconds(1));
    assertThat(status("fastly").circuit()).isEqualTo("half_open");
    forwarder.deliverDue();

    assertThat(fastlyApi.requests()).hasSize(4);
    assertThat(fastlyApi.requests().get(3).header("Surrogate-Key"))
        .isEqualTo("model:openai/gpt-4o models:list path:/models/openai/gpt-4o");
    assertThat(status("fastly").circuit()).isEqualTo("closed");
    assertThat(status("fastly").pending()).isZero();
    assertThat(status("fastly").lastError()).isNull();
    assertThat(
            registry
                .get("modelpages.edge.delivery")
                .tag("edge", "fastly")
                .timer()
                .max(java.util.concurrent.TimeUnit.SECONDS))
        .isEqualTo(7.0);
  }

  @Test
  void aRateLimitedEdgeWaitsAsLongAsItAsks() {
    forwarder = open();
    cloudflareApi.enqueue(new Answer(429, "{\"success\":false}", Map.of("Retry-After", "120")));

    forwarder.purged(WEBHOOK);
    forwarder.deliverDue();
    clock.advance(Duration.ofSeconds(119));
    forwarder.deliverDue();
    assertThat(cloudflareApi.requests()).hasSize(1);

    clock.advance(Duration.ofSeconds(1));
    forwarder.deliverDue();
    assertThat(cloudflareApi.requests()).hasSize(2);
    assertThat(status("cloudflare").pending()).isZero();
  }

  @Test
  void purgesWaitingForAnEdgeAreBatchedIntoOneRequest() {
    forwarder = open();
    fastlyApi.enqueue(Answer.of(502, "bad gateway"));

    forwarder.purged(WEBHOOK);
    forwarder.deliverDue();
    forwarder.purged(new Invalidation(List.of("model:x-ai/grok-4", "models:list"), List.of()));
    clock.advance(Duration.ofSeconds(1));
    forwarder.deliverDue();

    assertThat(fastlyApi.requests()).hasSize(2);
    assertThat(fastlyApi.requests().get(1).header("Surrogate-Key"))
        .isEqualTo("model:openai/gpt-4o models:list path:/models/openai/gpt-4o model:x-ai/grok-4");
    assertThat(purges("fastly", "delivered")).isEqualTo(2);
  }

  @Test
  void purgesUndeliveredAtARestartAreDeliveredAfterIt() {
    forwarder = open();
    fastlyApi.enqueue(Answer.of(503, "down"));
    forwarder.purged(WEBHOOK);
    forwarder.deliverDue();
    forwarder.close();

    forwarder = open(); // the process "restarted": a new forwarder on the same data directory
    assertThat(status("fastly").pending()).isEqualTo(1);
    assertThat(status("cloudflare").pending()).isZero();
    forwarder.deliverDue();

    assertThat(fastlyApi.requests()).hasSize(2);
    assertThat(fastlyApi.requests().get(1).header("Surrogate-Key"))
        .isEqualTo("model:openai/gpt-4o models:list path:/models/openai/gpt-4o");
    assertThat(cloudflareApi.requests()).hasSize(1); // delivered before the restart, not again
  }

  private EdgeForwarder startedWithFastlyOnly() {
    EdgeForwarder started =
        EdgeForwarder.open(
            new EdgeSettings(
                List.of(),
                Optional.of(
                    new EdgeSettings.Api(
                        "SERVICE1", "fastly-token-123", URI.create(fastlyApi.url()))),
                Optional.empty()),
            dir,
            java.time.Clock.systemUTC(),
            registry);
    started.start();
    return started;
  }

  @Test
  void theDeliveryThreadsDeliverAndAwaitingDeliveryReturnsOnceTheEdgeHasThePurge() {
    forwarder = startedWithFastlyOnly();

    forwarder.purged(WEBHOOK);

    assertThat(forwarder.awaitDelivered()).isTrue();
    assertThat(fastlyApi.requests()).hasSize(1); // already there: no waiting for it here
    assertThat(forwarder.statuses().get(0).pending()).isZero();
  }

  @Test
  void awaitingDeliveryDoesNotWaitForAFailingEdge() {
    forwarder = startedWithFastlyOnly();
    fastlyApi.enqueue(Answer.of(503, "down"));

    forwarder.purged(WEBHOOK);

    assertThat(forwarder.awaitDelivered())
        .isFalse(); // returns after the failed try, not after MAX_WAIT
    assertThat(fastlyApi.requests()).hasSize(1);
    assertThat(forwarder.statuses().get(0).pending()).isEqualTo(1);
  }

  @Test
  void withoutEdgesNothingIsForwardedAndNoOutboxIsKept() throws Exception {
    forwarder = EdgeForwarder.open(EdgeSettings.NONE, dir, clock, registry);

    forwarder.purged(WEBHOOK);

    assertThat(forwarder).isSameAs(EdgeForwarder.NONE);
    assertThat(forwarder.statuses()).isEmpty();
    assertThat(forwarder.awaitDelivered()).isTrue();
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void theNamesOfAPurgeAreItsTagsAndItsPaths() {
    assertThat(EdgeForwarder.namesOf(WEBHOOK))
        .containsExactly("model:openai/gpt-4o", "models:list", "path:/models/openai/gpt-4o");
    assertThat(EdgeForwarder.namesOf(Invalidation.EVERYTHING)).containsExactly(EdgeKeys.ALL);
    assertThat(EdgeForwarder.namesOf(Invalidation.NOTHING)).isEmpty();
  }

  @Test
  void statusesSayWhenTheLastAttemptWas() {
    forwarder = open();
    Instant before = clock.instant();
    forwarder.purged(WEBHOOK);
    forwarder.deliverDue();

    assertThat(status("fastly").lastAttempt()).isEqualTo(before);
    assertThat(status("fastly").target()).isEqualTo(fastlyApi.url() + " service SERVICE1");
    assertThat(status("fastly").kind()).isEqualTo("fastly");
  }
}
