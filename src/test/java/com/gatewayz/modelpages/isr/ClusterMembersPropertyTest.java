package com.gatewayz.modelpages.isr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.ehcache.Cache;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The invariant behind {@link ClusterMembers}, over random runs: when a purge returns, every other
 * node either got the purge's invalidations (its connection was open at the write, or it connected
 * afresh since), or confirmed the version, or no longer trusts its heap tier. Nodes confirm, get
 * probe answers, lose their connection (and notice it, or not), reconnect; time passes by an
 * injected clock while a purge waits. One heap cache stands in for the server.
 */
class ClusterMembersPropertyTest {

  private static final Duration DETACH_AFTER = Duration.ofSeconds(2);
  private static final long EPOCH = 7;

  private final CacheManager manager = CacheManagerBuilder.newCacheManagerBuilder().build(true);
  private final Cache<String, Long> server =
      manager.createCache(
          "counters",
          CacheConfigurationBuilder.newCacheConfigurationBuilder(
              String.class, Long.class, ResourcePoolsBuilder.heap(10_000)));
  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final Random random = new Random(2026_12_04L);
  private final List<Node> nodes = new ArrayList<>();
  private long published;
  private Node purging;

  @AfterEach
  void close() {
    manager.close();
  }

  private final class Node {
    final ClusterGuard guard = new ClusterGuard("terracotta://test:1/x", DETACH_AFTER, nanos::get);
    final ClusterMembers members =
        new ClusterMembers(() -> server, guard, DETACH_AFTER, nanos::get, this::whileWaiting);
    boolean connected;
    // The version its heap tier shows: the latest while connected, frozen once the link is gone.
    long shows;
    long connectedSince;
    int pausesThisPurge;

    void connect() {
      members.join(server, published, EPOCH);
      guard.attached();
      connected = true;
      shows = published;
      connectedSince = nanos.get();
    }

    private void whileWaiting() {
      pausesThisPurge++;
      assertThat(pausesThisPurge).as("a purge that never returns").isLessThan(100_000);
      step();
    }
  }

  // One moment of the other nodes' lives while a purge waits (or between purges).
  private void step() {
    nanos.addAndGet(random.nextInt(40_000_000));
    for (Node node : nodes) {
      if (node.guard.isDetached()) {
        if (random.nextInt(20) == 0) {
          node.connect(); // the probe's reconnection: a fresh connection, an empty heap tier
        }
      } else if (node.connected) {
        node.shows = published;
        if (random.nextInt(10) < 7 && node.guard.isAttached()) {
          node.members.acknowledge(node.shows);
        }
        if (random.nextInt(10) < 5) {
          node.guard.answered(nanos.get() - random.nextInt(1_000_000));
        }
        if (node != purging && random.nextInt(200) == 0) {
          node.connected = false; // a reset: the node does not know yet
        }
      } else if (random.nextInt(40) == 0) {
        node.guard.detach("one of its calls failed");
      }
    }
  }

  @Test
  void whenAPurgeReturnsNoOtherNodeTrustsAHeapTierThatMissedIt() {
    for (int i = 0; i < 5; i++) {
      Node node = new Node();
      node.connect();
      nodes.add(node);
    }
    int purges = 0;
    int waitedOut = 0;
    for (int round = 0; round < 3_000; round++) {
      step();
      Node purger = nodes.get(random.nextInt(nodes.size()));
      if (!purger.connected || !purger.guard.isAttached()) {
        continue;
      }
      purging = purger;
      long version = ++published;
      long written = nanos.get();
      List<Node> missedIt = nodes.stream().filter(node -> !node.connected).toList();
      nodes.forEach(node -> node.pausesThisPurge = 0);

      purger.members.awaitConfirmations(version);

      purges++;
      purging = null;
      for (Node node : missedIt) {
        boolean freshSince = node.connected && node.connectedSince > written;
        boolean confirmed = server.get(node.members.slotKey()) >= version;
        assertThat(freshSince || confirmed || !node.guard.isAttached())
            .as("purge %d: a node whose link was gone at the write still trusts its heap", purges)
            .isTrue();
        if (!freshSince && !confirmed) {
          waitedOut++;
        }
      }
    }
    // The run exercised both ways out: confirmations and silences waited out.
    assertThat(purges).isGreaterThan(1_000);
    assertThat(waitedOut).isPositive();
  }
}
