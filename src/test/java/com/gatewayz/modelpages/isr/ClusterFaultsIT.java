package com.gatewayz.modelpages.isr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.gatewayz.modelpages.testing.FaultProxy;
import com.gatewayz.modelpages.testing.TerracottaServer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Purge safety on a real Terracotta server: node A reaches it through a {@link FaultProxy}, node B
 * directly, both engines in this JVM sharing one renderer (their "catalog"). Each test makes its
 * own nodes and pages; the server and the proxy are the class's, and a test that restarts the
 * server leaves it running.
 */
@Tag("cluster")
class ClusterFaultsIT {

  private static final Logger LOG = Logger.getLogger(ClusterFaultsIT.class.getName());
  // Short, so a partition can outlast it within a test; the nodes count themselves cut off after
  // ClusterNode.DETACH_AFTER, well inside the two thirds of it a lease is at least good for.
  private static final Duration LEASE = Duration.ofSeconds(6);
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final int ROUNDS = Integer.getInteger("it.cluster.rounds", 6);

  static TerracottaServer terracotta;
  static FaultProxy proxy;

  private final FakeRenderer renderer = new FakeRenderer();
  private String cluster;
  private ClusterNode a;
  private ClusterNode b;

  @BeforeAll
  static void startServer() {
    Assumptions.assumeTrue(
        TerracottaServer.isAvailable(), "the build unpacks the Terracotta kit first");
    // Room for every test's pools (16 + 88 MB each): off-heap is taken as it fills, not up front.
    terracotta = TerracottaServer.start(1024, LEASE);
    proxy = FaultProxy.to(terracotta.port());
  }

  @AfterAll
  static void stopServer() {
    if (proxy != null) {
      proxy.close();
    }
    if (terracotta != null) {
      terracotta.close();
    }
  }

  // A cluster name of its own per test: nothing a test left on the server (connections of closed
  // nodes reconnecting after a restart, pools) is shared with the next.
  @BeforeEach
  void joinNodes(TestInfo test) {
    proxy.restore();
    cluster = test.getTestMethod().orElseThrow().getName();
    a =
        ClusterNode.join(
            URI.create("terracotta://127.0.0.1:" + proxy.port() + "/" + cluster), renderer);
    b = ClusterNode.join(terracotta.uri(cluster), renderer);
  }

  @AfterEach
  void leaveNodes() {
    proxy.restore();
    if (a != null) {
      a.close();
    }
    if (b != null) {
      b.close();
    }
  }

  private enum Fault {
    RESET,
    PARTITION,
    DOWN
  }

  @Test
  void underCutsPartitionsAndRestoresEveryConfirmedPurgeIsInForceOnTheOtherNode() throws Exception {
    List<String> names = IntStream.range(0, 12).mapToObj(i -> "k" + i).toList();
    Map<String, ClusterNode> nodes = new LinkedHashMap<>();
    nodes.put("A", a);
    nodes.put("B", b);
    List<Long> backAfter = new ArrayList<>();
    try (ClusterTraffic traffic =
        new ClusterTraffic(renderer, names, nodes)
            .start(Duration.ofMillis(25), Duration.ofMillis(3))) {
      for (int round = 0; round < ROUNDS; round++) {
        traffic.awaitPurges("A", 3, PATIENCE);
        traffic.awaitPurges("B", 3, PATIENCE);
        long restored = inject(Fault.values()[round % Fault.values().length], traffic);
        await().atMost(PATIENCE).until(a::isAttached);
        backAfter.add(traffic.firstPurgeAfter("A", restored, PATIENCE));
      }
      traffic.close();
      report(traffic, backAfter);

      assertThat(traffic.unexpected()).isEmpty();
      assertThat(traffic.stale()).isEmpty();
      assertThat(traffic.sweep()).isEmpty();
      assertThat(traffic.counts("A").refused.get() + traffic.counts("B").refused.get())
          .as("purges refused")
          .isPositive();
    }
  }

  // Returns when the link was restored. B's purges must get through while A is away: after a reset
  // once A reconnected (or, down, once A has certainly detached), once A's lease expired after a
  // partition.
  private long inject(Fault fault, ClusterTraffic traffic) {
    traffic.injecting(fault.name());
    switch (fault) {
      case RESET -> {
        proxy.reset();
        return System.nanoTime();
      }
      case DOWN -> {
        proxy.down();
      }
      case PARTITION -> proxy.partition();
    }
    await().atMost(PATIENCE).until(() -> !a.isAttached());
    traffic.awaitPurges("B", 3, PATIENCE);
    proxy.restore();
    traffic.injecting("restore after " + fault.name());
    return System.nanoTime();
  }

  private void report(ClusterTraffic traffic, List<Long> backAfter) {
    List<Long> sorted = new ArrayList<>(backAfter);
    Collections.sort(sorted);
    for (String node : List.of("A", "B")) {
      ClusterTraffic.Counts counts = traffic.counts(node);
      LOG.info(
          String.format(
              "[ClusterFaultsIT] %s: %d purges confirmed, %d refused (PurgeFailedException), %d reads, %d renders refused",
              node,
              counts.purged.get(),
              counts.refused.get(),
              counts.reads.get(),
              counts.unrenderable.get()));
    }
    LOG.info(
        String.format(
            "[ClusterFaultsIT] %d rounds; link restored -> first purge confirmed on A, ms: %s",
            backAfter.size(), sorted.stream().map(n -> n / 1_000_000).toList()));
  }

  // The window after a reset of A's link: the server drops A from the invalidation set at once,
  // so B's write returns without A, while A keeps trusting its heap copies until one of its own
  // calls fails. Seen in the bench's cluster phase under load (underCuts... above); before
  // ClusterMembers, 7 rounds in 50 here showed A the purged version while A still counted itself
  // attached. B's purge now waits for A to confirm the version or to have certainly detached.
  @Test
  void aPurgeOnAnotherNodeJustAfterAResetIsNeverServedByTheResetNode() throws Exception {
    List<String> stale = new ArrayList<>();
    List<Long> waits = new ArrayList<>();
    for (int round = 0; round < 50; round++) {
      String name = "reset" + round;
      renderer.versions.put(name, 1);
      a.read("/p/" + name);
      a.read("/p/" + name);
      await().atMost(PATIENCE).until(a::isAttached);
      renderer.versions.put(name, 2);
      proxy.reset();
      long purgeStart = System.nanoTime();
      b.isr.purge(List.of("t:" + name), List.of());
      waits.add((System.nanoTime() - purgeStart) / 1_000_000);
      int shown = ClusterNode.versionOf(a.read("/p/" + name));
      if (shown < 2) {
        stale.add("round " + round + ": A served v" + shown + ", attached " + a.isAttached());
      }
      await().atMost(PATIENCE).until(a::isAttached);
    }
    waits.sort(null);
    LOG.info("[ClusterFaultsIT] B's purge right after a reset of A's link took, ms: " + waits);
    assertThat(stale).as("A's answers after B's purge returned").isEmpty();
  }

  // Purge return on A -> B's first answer showing the new data: a lookup that finds the page purged
  // and a render. Measured, not limited; the assertion is that the very first answer is fresh.
  @Test
  void everyPurgeOnOneNodeIsSeenByTheOthersFirstAnswerAfterItReturned() throws Exception {
    int purges = 100;
    long[] nanos = new long[purges];
    long[] purging = new long[purges];
    renderer.versions.put("seen", 1);
    for (int i = 0; i < purges; i++) {
      b.read("/p/seen");
      renderer.versions.put("seen", i + 2);
      long start = System.nanoTime();
      a.isr.purge(List.of("t:seen"), List.of());
      long returned = System.nanoTime();
      purging[i] = returned - start;
      int shown = ClusterNode.versionOf(b.read("/p/seen"));
      nanos[i] = System.nanoTime() - returned;
      assertThat(shown).as("purge %d", i).isEqualTo(i + 2);
    }
    java.util.Arrays.sort(nanos);
    java.util.Arrays.sort(purging);
    LOG.info(
        String.format(
            "[ClusterFaultsIT] %d purges on A: p50 %.2f ms, p99 %.2f ms; purge returned on A -> first fresh answer on B: p50 %.2f ms, p99 %.2f ms",
            purges,
            purging[purges / 2] / 1e6,
            purging[purges * 99 / 100] / 1e6,
            nanos[purges / 2] / 1e6,
            nanos[purges * 99 / 100] / 1e6));
  }

  @Test
  void aNodeKilledBetweenTheStepsOfAPurgeStallsNoLookupOfTheOthers() throws Exception {
    List<String> keys = IntStream.range(0, 20).mapToObj(i -> "/p/dead" + i).toList();
    for (String key : keys) {
      b.read(key);
      b.read(key);
    }
    Lookups before = lookups(b, keys);

    try (ClusterNode dying = ClusterNode.join(terracotta.uri(cluster), renderer)) {
      ClusterConnection connection = dying.storage.connection();
      long tick = new Counters(connection::counters).increment(ClusterStamps.TICK);
      new Counters(connection::stamps).raise("t:dead3", tick);
      // ...and it dies here: no version published, nothing cleaned up.
    }
    Lookups after = lookups(b, keys);
    a.isr.purge(List.of("t:dead5"), List.of());

    LOG.info(
        String.format(
            "[ClusterFaultsIT] lookups of 20 HITs on B: %.0f ns each with %d server reads per 10,000 before a node died mid-purge, %.0f ns with %d after",
            before.nanosEach(), before.serverReads(), after.nanosEach(), after.serverReads()));
    assertThat(after.serverReads()).isLessThanOrEqualTo(before.serverReads() + keys.size());
    assertThat(b.cache().lookup("/p/dead5").state()).isEqualTo(Lookup.State.PURGED);
    assertThat(b.cache().lookup("/p/dead7").state()).isEqualTo(Lookup.State.FRESH);
  }

  private record Lookups(double nanosEach, long serverReads) {}

  private static Lookups lookups(ClusterNode node, List<String> keys) {
    int rounds = 10_000 / keys.size();
    long reads = node.storage.stampServerReads();
    long start = System.nanoTime();
    for (int round = 0; round < rounds; round++) {
      for (String key : keys) {
        assertThat(node.cache().lookup(key).state()).isEqualTo(Lookup.State.FRESH);
      }
    }
    long nanos = System.nanoTime() - start;
    return new Lookups(
        (double) nanos / (rounds * keys.size()), node.storage.stampServerReads() - reads);
  }

  @Test
  void aRenderThatStartedBeforeTheServerRestartedEmptyIsNeverServedAfterAPurgeOnTheNewServer()
      throws Exception {
    renderer.versions.put("inflight", 1);
    renderer.entered = new CountDownLatch(1);
    renderer.hold = new CountDownLatch(1);
    CompletableFuture<CachedPage> inFlight =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return b.isr.regenerator().renderNow("/p/inflight");
              } catch (RenderFailedException e) {
                throw new IllegalStateException(e);
              }
            });
    assertThat(renderer.entered.await(30, TimeUnit.SECONDS)).isTrue();

    terracotta.kill();
    terracotta.restart();
    await().atMost(PATIENCE).until(() -> a.isAttached() && b.isAttached());
    renderer.versions.put("inflight", 2);
    // A purge the new server does not confirm in time is refused, and the caller retries (as a
    // webhook sender does): right after the restart the first one can time out. The property is
    // about the purge that returned.
    await()
        .atMost(PATIENCE)
        .ignoreException(PurgeFailedException.class)
        .until(() -> a.isr.purge(List.of("t:inflight"), List.of()) != null);
    renderer.hold.countDown();

    assertThat(ClusterNode.versionOf(inFlight.get(30, TimeUnit.SECONDS))).isEqualTo(2);
    assertThat(ClusterNode.versionOf(b.read("/p/inflight"))).isEqualTo(2);
    assertThat(ClusterNode.versionOf(a.read("/p/inflight"))).isEqualTo(2);
  }

  @Test
  void aPurgeOfTheTagStarOnOneNodePurgesEveryPageOnTheOthers() throws Exception {
    b.read("/p/star1");
    b.read("/p/star2");

    Invalidation done = a.isr.purge(List.of(Purges.EVERYTHING), List.of());

    assertThat(done.tags()).containsExactly(Purges.EVERYTHING);
    assertThat(b.cache().lookup("/p/star1").state()).isEqualTo(Lookup.State.PURGED);
    assertThat(b.cache().lookup("/p/star2").state()).isEqualTo(Lookup.State.PURGED);
  }

  @Test
  void aNodeCutOffRendersEveryPageAndRefusesPurgesUntilItIsBack() throws Exception {
    a.read("/p/cut");
    proxy.down();
    await().atMost(PATIENCE).until(() -> !a.isAttached());

    assertThat(a.cache().lookup("/p/cut").state()).isEqualTo(Lookup.State.ABSENT);
    assertThat(a.read("/p/cut").renderTick()).isEqualTo(PageCache.UNCHECKED);
    assertThatThrownBy(() -> a.isr.purge(List.of("t:cut"), List.of()))
        .isInstanceOf(PurgeFailedException.class)
        .satisfies(e -> assertThat(((PurgeFailedException) e).retryAfterSeconds()).isPositive());

    proxy.restore();
    await().atMost(PATIENCE).until(a::isAttached);
    a.isr.purge(List.of("t:cut"), List.of());
    assertThat(a.read("/p/cut").renderTick()).isNotEqualTo(PageCache.UNCHECKED);
  }

  // A node gone for good (its link down: connections closed, none accepted) holds up the first
  // purge after it only until it has certainly stopped trusting its heap tier, then no purge.
  @Test
  void aNodeGoneForGoodHoldsUpOnlyTheFirstPurgeAndOnlyUntilItNoLongerTrustsItsHeapTier()
      throws Exception {
    renderer.versions.put("gone", 1);
    a.read("/p/gone");
    a.read("/p/gone");
    String slotKeyOfA = a.storage.memberSlotKey();
    renderer.versions.put("gone", 2);
    proxy.down();

    long start = System.nanoTime();
    b.isr.purge(List.of("t:gone"), List.of());
    long firstMillis = (System.nanoTime() - start) / 1_000_000;
    boolean aTrustedItsHeapThen = a.isAttached();
    start = System.nanoTime();
    b.isr.purge(List.of("t:other"), List.of());
    long secondMillis = (System.nanoTime() - start) / 1_000_000;
    LOG.info(
        "[ClusterFaultsIT] purges on B after A went down: first "
            + firstMillis
            + " ms, second "
            + secondMillis
            + " ms");

    assertThat(aTrustedItsHeapThen).as("A attached when B's purge returned").isFalse();
    assertThat(firstMillis).isGreaterThanOrEqualTo(ClusterNode.DETACH_AFTER.toMillis());
    assertThat(secondMillis).as("the second purge waits for A no more").isLessThan(firstMillis);
    assertThat(b.storage.connection().counters().get(slotKeyOfA)).isEqualTo(ClusterMembers.GONE);
    proxy.restore();
    await().atMost(PATIENCE).until(a::isAttached);
    assertThat(a.storage.memberSlotKey()).isNotEqualTo(slotKeyOfA);
    assertThat(ClusterNode.versionOf(a.read("/p/gone"))).isEqualTo(2);
  }

  @Test
  void aServerTooSmallForThePoolsIsNamedWithTheSizeItNeeds() {
    try (TerracottaServer small = TerracottaServer.start(64, LEASE)) {
      assertThatThrownBy(
              () ->
                  ClusterStorage.open(
                      ClusterNode.sizing(small.uri("too-small"), 16), Clock.systemUTC()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(
              "must hold at least MODEL_PAGES_CLUSTER_CACHE_MB (16) + 88 MB = 104 MB")
          .hasMessageContaining("Insufficient defined resources");
    }
  }
}
