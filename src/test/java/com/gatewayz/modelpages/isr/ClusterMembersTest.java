package com.gatewayz.modelpages.isr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.ehcache.Cache;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

// One heap cache stands for the server's counters: what the nodes write there is what the others
// read. Whether a node's heap tier missed an invalidation is ClusterFaultsIT's part.
class ClusterMembersTest {

  private static final Duration DETACH_AFTER = Duration.ofSeconds(2);
  private static final long SILENCE_MILLIS = 2_000 + 200 + 50;

  private final CacheManager manager = CacheManagerBuilder.newCacheManagerBuilder().build(true);
  private final Cache<String, Long> server =
      manager.createCache(
          "counters",
          CacheConfigurationBuilder.newCacheConfigurationBuilder(
              String.class, Long.class, ResourcePoolsBuilder.heap(1_000)));
  private final AtomicLong nanos = new AtomicLong(5_000_000_000L);
  // What happens while the purger waits between two looks: by default time passes.
  private final List<Runnable> whileWaiting = new ArrayList<>();
  private int pauses;

  @AfterEach
  void close() {
    manager.close();
  }

  private final class Node {
    final ClusterGuard guard = new ClusterGuard("terracotta://test:1/x", DETACH_AFTER, nanos::get);
    final ClusterMembers members =
        new ClusterMembers(() -> server, guard, DETACH_AFTER, nanos::get, this::pause);

    long epoch = 42;

    Node joined(long version) {
      members.join(server, version, epoch);
      guard.attached();
      return this;
    }

    private void pause() {
      pauses++;
      if (whileWaiting.isEmpty()) {
        nanos.addAndGet(Duration.ofMillis(10).toNanos());
      } else {
        whileWaiting.remove(0).run();
      }
    }
  }

  private long slotOf(Node node) {
    return server.get(node.members.slotKey());
  }

  private static String keyOf(long slot) {
    return ClusterMembers.key(42, slot);
  }

  @Test
  void aPurgeReturnsAsSoonAsEveryOtherNodeConfirmedItsVersion() {
    Node a = new Node().joined(0);
    Node b = new Node().joined(0);
    Node c = new Node().joined(0);
    whileWaiting.add(() -> c.members.acknowledge(1));
    whileWaiting.add(() -> b.members.acknowledge(1));

    a.members.awaitConfirmations(1);

    assertThat(pauses).isEqualTo(2);
    assertThat(slotOf(b)).isEqualTo(1);
    assertThat(slotOf(c)).isEqualTo(1);
    assertThat(b.guard.isAttached()).isTrue();
  }

  @Test
  void aNodeThatAlreadyShowsALaterVersionIsNotWaitedFor() {
    Node a = new Node().joined(0);
    Node b = new Node().joined(0);
    b.members.acknowledge(7);

    a.members.awaitConfirmations(5);

    assertThat(pauses).isZero();
  }

  @Test
  void aSilentNodeIsWaitedForUntilItHasCertainlyDetachedThenMarkedGone() {
    Node a = new Node().joined(0);
    Node silent = new Node().joined(0);
    // Its last answer is as late as it can be: for a call sent at the very moment of the write.
    long before = nanos.get();

    a.members.awaitConfirmations(1);

    long waitedMillis = (nanos.get() - before) / 1_000_000;
    assertThat(waitedMillis).isBetween(SILENCE_MILLIS, SILENCE_MILLIS + 10);
    assertThat(slotOf(silent)).isEqualTo(ClusterMembers.GONE);
    // By then the silent node's own guard, fed no answer since, has stopped trusting its heap.
    assertThat(silent.guard.isAttached()).isFalse();
  }

  @Test
  void aNodeThatFindsItsSlotGoneDetachesAndAFreshConnectionTakesANewSlot() {
    Node a = new Node().joined(0);
    Node late = new Node().joined(0);
    a.members.awaitConfirmations(1);
    late.guard.attached(); // it was only slow: answers came back, but its slot is gone

    late.members.acknowledge(1);

    assertThat(late.guard.isDetached()).isTrue();
    long oldSlot = late.members.slot();
    late.joined(1);
    assertThat(late.members.slot()).isNotEqualTo(oldSlot);
    assertThat(slotOf(late)).isEqualTo(1);
    pauses = 0;
    whileWaiting.add(() -> late.members.acknowledge(2));
    a.members.awaitConfirmations(2);
    assertThat(pauses).isEqualTo(1);
  }

  @Test
  void aReconnectingNodeGivesUpItsOldSlotSoNoPurgeWaitsForIt() {
    Node a = new Node().joined(0);
    Node b = new Node().joined(0);
    long oldSlot = b.members.slot();

    b.joined(0);

    assertThat(server.get(keyOf(oldSlot))).isEqualTo(ClusterMembers.GONE);
    whileWaiting.add(() -> b.members.acknowledge(1));
    a.members.awaitConfirmations(1);
    assertThat(pauses).isEqualTo(1);
  }

  @Test
  void aNodeJoiningAServerThatRestartedEmptyLeavesTheSlotWithItsOldNumberAlone() {
    Node b = new Node().joined(0);
    server.clear(); // the server restarted empty: a new epoch, slot numbers handed out again
    Node a = new Node();
    a.epoch = 43;
    a.joined(0);
    assertThat(a.members.slot()).isEqualTo(b.members.slot());

    b.epoch = 43;
    b.joined(0);

    assertThat(slotOf(a)).isZero();
    whileWaiting.add(() -> a.members.acknowledge(1));
    b.members.awaitConfirmations(1);
    assertThat(a.guard.isAttached()).isTrue();
    assertThat(slotOf(a)).isEqualTo(1);
  }

  @Test
  void aConfirmationWhoseAnswerTimedOutButWentThroughIsAdoptedNotMistakenForALoss() {
    Node a = new Node().joined(0);
    Node b = new Node().joined(0);
    server.put(b.members.slotKey(), 3L); // b's replace 0 -> 3 went through; its answer timed out

    b.members.acknowledge(3);
    b.members.acknowledge(4);

    assertThat(b.guard.isAttached()).isTrue();
    assertThat(slotOf(b)).isEqualTo(4);
    a.members.awaitConfirmations(4);
    assertThat(pauses).isZero();
  }

  @Test
  void aMemberCountThatCannotBeReadFailsThePurgeInsteadOfWaitingForNoOne() {
    Node a = new Node().joined(0);
    new Node().joined(0);
    server.remove(ClusterMembers.COUNT); // what a read that timed out answers

    assertThatThrownBy(() -> a.members.awaitConfirmations(1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("member count");
  }

  @Test
  void aSlotSeenGoneIsNotReadAgain() {
    Node a = new Node().joined(0);
    Node b = new Node().joined(0);
    Node c = new Node().joined(0);
    b.members.leave();
    whileWaiting.add(() -> c.members.acknowledge(1));
    a.members.awaitConfirmations(1);
    server.put(keyOf(b.members.slot()), 0L); // never happens: a gone slot stays gone

    whileWaiting.add(() -> c.members.acknowledge(2));
    a.members.awaitConfirmations(2);

    assertThat(pauses).isEqualTo(2);
  }

  @Test
  void aNodeThatLeavesIsNotWaitedForAndTheSlotsBelowTheFirstInUseAreNotReadAgain() {
    for (int i = 0; i < 5; i++) {
      new Node().joined(0).members.leave();
    }
    Node a = new Node().joined(0);
    Node b = new Node().joined(0);
    whileWaiting.add(() -> b.members.acknowledge(1));

    a.members.awaitConfirmations(1);

    assertThat(pauses).isEqualTo(1);
    assertThat(server.get(ClusterMembers.FLOOR)).isEqualTo(a.members.slot() - 1);
    a.members.leave();
    whileWaiting.add(() -> a.members.acknowledge(2));
    b.members.awaitConfirmations(2);
    assertThat(server.get(ClusterMembers.FLOOR)).isEqualTo(b.members.slot() - 1);
  }

  @Test
  void aSlotTakenByANodeThatDiedBeforeWritingItIsWaitedOutMarkedGoneAndNotHandedOutAgain() {
    Node a = new Node().joined(0);
    new Counters(() -> server).increment(ClusterMembers.COUNT); // a node that died right here
    Node b = new Node();

    a.members.awaitConfirmations(1);
    b.joined(1);

    assertThat(b.members.slot()).isEqualTo(a.members.slot() + 2);
    assertThat(server.get(keyOf(a.members.slot() + 1))).isEqualTo(ClusterMembers.GONE);
  }
}
