package com.gatewayz.modelpages.isr;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A steady stream of purges and reads on several nodes sharing one {@link FakeRenderer} (their
 * shared data). A purge first changes a page's data (its version), then purges its tag; once it
 * returned, every read that starts later on any node must show that version or a newer one. Each
 * read is checked against the purges that returned before it started, with no exception for a node
 * whose link the test cut while the purge ran: the purge waits for that node ({@link
 * ClusterMembers}).
 */
final class ClusterTraffic implements AutoCloseable {

  /** The newest version a successful purge put in force, and when that purge started. */
  private record Required(int version, long purgeStartNanos) {}

  /** One node's counts. */
  static final class Counts {
    final AtomicLong purged = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    final AtomicLong reads = new AtomicLong();
    final AtomicLong unrenderable = new AtomicLong();
    final List<Long> purgeEnds = new CopyOnWriteArrayList<>();
  }

  private final FakeRenderer renderer;
  private final List<String> names;
  private final Map<String, ClusterNode> nodes;
  private final Map<String, Counts> counts = new ConcurrentHashMap<>();
  private final Map<String, Required> required = new ConcurrentHashMap<>();
  private final ScheduledExecutorService workers = Executors.newScheduledThreadPool(4);
  private final List<String> stale = new CopyOnWriteArrayList<>();
  private final List<Throwable> unexpected = new CopyOnWriteArrayList<>();
  private volatile String lastFault = "";
  private volatile long lastFaultNanos = Long.MIN_VALUE;

  ClusterTraffic(FakeRenderer renderer, List<String> names, Map<String, ClusterNode> nodes) {
    this.renderer = renderer;
    this.names = names;
    this.nodes = nodes;
    names.forEach(name -> renderer.versions.put(name, 1));
    nodes.keySet().forEach(node -> counts.put(node, new Counts()));
  }

  /** Starts purging every {@code purgeEvery} and reading every {@code readEvery} on each node. */
  ClusterTraffic start(Duration purgeEvery, Duration readEvery) {
    for (String node : nodes.keySet()) {
      workers.scheduleWithFixedDelay(
          () -> guarded(() -> purge(node)), 0, purgeEvery.toNanos(), TimeUnit.NANOSECONDS);
      workers.scheduleWithFixedDelay(
          () -> guarded(() -> read(node)), 0, readEvery.toNanos(), TimeUnit.NANOSECONDS);
    }
    return this;
  }

  private void guarded(Runnable step) {
    try {
      step.run();
    } catch (Throwable e) {
      unexpected.add(e);
    }
  }

  private String anyName() {
    return names.get(ThreadLocalRandom.current().nextInt(names.size()));
  }

  private void purge(String node) {
    String name = anyName();
    int version = renderer.versions.merge(name, 1, Integer::sum);
    long start = System.nanoTime();
    try {
      nodes.get(node).isr.purge(List.of("t:" + name), List.of());
    } catch (PurgeFailedException e) {
      counts.get(node).refused.incrementAndGet();
      return;
    }
    required.merge(
        name,
        new Required(version, start),
        (old, next) -> next.version() > old.version() ? next : old);
    counts.get(node).purged.incrementAndGet();
    counts.get(node).purgeEnds.add(System.nanoTime());
  }

  private void read(String node) {
    String name = anyName();
    Required before = required.get(name);
    CachedPage page;
    try {
      page = nodes.get(node).read("/p/" + name);
    } catch (RenderFailedException e) {
      counts.get(node).unrenderable.incrementAndGet();
      return;
    }
    counts.get(node).reads.incrementAndGet();
    int shown = ClusterNode.versionOf(page);
    if (before == null || shown >= before.version()) {
      return;
    }
    stale.add(
        node
            + " served "
            + name
            + " v"
            + shown
            + " after a purge of v"
            + before.version()
            + " returned"
            + sinceFault(before));
  }

  // Which fault was last injected, and when the purge started and the read ended relative to it:
  // a failure message that says which window let a stale page through.
  private String sinceFault(Required before) {
    if (lastFaultNanos == Long.MIN_VALUE) {
      return " (no fault injected yet)";
    }
    long now = System.nanoTime();
    return String.format(
        " (last fault: %s; purge started %+d ms and read ended %+d ms from it)",
        lastFault,
        (before.purgeStartNanos() - lastFaultNanos) / 1_000_000,
        (now - lastFaultNanos) / 1_000_000);
  }

  /** The test injects {@code fault} now (any kind): named in stale-read messages. */
  void injecting(String fault) {
    lastFault = fault;
    lastFaultNanos = System.nanoTime();
  }

  /** Waits until {@code node} made {@code more} more successful purges. */
  void awaitPurges(String node, int more, Duration atMost) {
    long target = counts.get(node).purged.get() + more;
    try {
      await()
          .atMost(atMost)
          .pollInterval(Duration.ofMillis(20))
          .until(() -> counts.get(node).purged.get() >= target);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(
          node + " did not confirm " + more + " more purges in " + atMost + ": " + summary(), e);
    }
  }

  /** Each node's counts so far, for a failure message. */
  String summary() {
    StringBuilder text = new StringBuilder();
    counts.forEach(
        (node, count) ->
            text.append(
                String.format(
                    "%s: %d confirmed, %d refused, %d reads, attached %s; ",
                    node,
                    count.purged.get(),
                    count.refused.get(),
                    count.reads.get(),
                    nodes.get(node).isAttached())));
    return text.append(unexpected.size()).append(" unexpected failures").toString();
  }

  /** Nanos from {@code since} to the first successful purge on {@code node} that ended after it. */
  long firstPurgeAfter(String node, long since, Duration atMost) {
    await()
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(10))
        .until(() -> counts.get(node).purgeEnds.stream().anyMatch(end -> end > since));
    return counts.get(node).purgeEnds.stream()
            .filter(end -> end > since)
            .min(Long::compare)
            .orElseThrow()
        - since;
  }

  Counts counts(String node) {
    return counts.get(node);
  }

  List<String> stale() {
    return new ArrayList<>(stale);
  }

  List<Throwable> unexpected() {
    return new ArrayList<>(unexpected);
  }

  /**
   * Every page on every node, read once more with the traffic stopped: none may be older than
   * required.
   */
  List<String> sweep() throws RenderFailedException {
    List<String> behind = new ArrayList<>();
    for (String node : nodes.keySet()) {
      for (String name : names) {
        Required need = required.get(name);
        int shown = ClusterNode.versionOf(nodes.get(node).read("/p/" + name));
        if (need != null && shown < need.version()) {
          behind.add(node + " " + name + " v" + shown + " < v" + need.version());
        }
      }
    }
    return behind;
  }

  @Override
  public void close() {
    workers.shutdownNow();
    try {
      workers.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
