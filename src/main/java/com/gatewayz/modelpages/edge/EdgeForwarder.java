package com.gatewayz.modelpages.edge;

import com.gatewayz.modelpages.isr.EdgeKeys;
import com.gatewayz.modelpages.isr.Invalidation;
import com.gatewayz.modelpages.isr.PurgeListener;
import com.gatewayz.modelpages.platform.EdgeSettings;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Forwards every purge of the page cache to the configured edges: told after the local purge (a
 * {@link PurgeListener}), it appends the purge's names to the durable outbox and wakes one delivery
 * thread per edge, so the purging caller (which may hold the catalog's write lock) never waits for
 * an edge; {@link #awaitDelivered()} lets an endpoint wait afterwards. Only purges made on this
 * node arrive here (in a cluster, other nodes' purges reach this node's cache through the shared
 * tag clock, not as purges), so every purge reaches each edge once, from the node that made it.
 * Thread-safe.
 */
public final class EdgeForwarder implements PurgeListener, AutoCloseable {

  private static final Logger LOG = Logger.getLogger(EdgeForwarder.class.getName());

  /** How long {@link #awaitDelivered()} waits at most. */
  public static final Duration MAX_WAIT = Duration.ofSeconds(2);

  /** No edge configured: forwards nothing, keeps no outbox. */
  public static final EdgeForwarder NONE =
      new EdgeForwarder(null, new DeliveryProgress(), List.of());

  private final PurgeOutbox outbox;
  private final DeliveryProgress progress;
  private final List<EdgeLane> lanes;

  private EdgeForwarder(PurgeOutbox outbox, DeliveryProgress progress, List<EdgeLane> lanes) {
    this.outbox = outbox;
    this.progress = progress;
    this.lanes = List.copyOf(lanes);
  }

  /**
   * Opens the outbox in {@code dataDir} for the edges {@code settings} name, replaying what an
   * earlier run left undelivered; {@link #NONE} when no edge is configured. Call {@link #start()}.
   */
  public static EdgeForwarder open(
      EdgeSettings settings, Path dataDir, Clock clock, MeterRegistry registry) {
    List<Edge> edges = Edges.of(settings, EdgeHttp.create());
    return edges.isEmpty() ? NONE : open(edges, dataDir, clock, registry);
  }

  static EdgeForwarder open(List<Edge> edges, Path dataDir, Clock clock, MeterRegistry registry) {
    PurgeOutbox outbox =
        PurgeOutbox.open(dataDir, edges.stream().map(Edge::journalId).toList(), clock);
    EdgeMetrics metrics = new EdgeMetrics(registry);
    DeliveryProgress progress = new DeliveryProgress();
    List<EdgeLane> lanes =
        edges.stream()
            .map(edge -> new EdgeLane(edge, outbox, clock, metrics, progress::advanced))
            .toList();
    LOG.info(
        () ->
            "[Edge] forwarding purges to "
                + edges.stream()
                    .map(e -> e.name() + " (" + e.target() + ")")
                    .collect(Collectors.joining(", ")));
    return new EdgeForwarder(outbox, progress, lanes);
  }

  public boolean isEmpty() {
    return lanes.isEmpty();
  }

  /** Starts one delivery thread per edge; it first delivers what an earlier run left. */
  public void start() {
    lanes.forEach(EdgeLane::start);
  }

  @Override
  public void purged(Invalidation invalidation) {
    List<String> names = namesOf(invalidation);
    if (lanes.isEmpty() || names.isEmpty()) {
      return;
    }
    try {
      outbox.append(names);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "[Edge] a purge could not be queued for the edges: " + names, e);
      return;
    }
    lanes.forEach(EdgeLane::wake);
  }

  /**
   * The edge names of a purge: its tags, {@code path:} names for its paths; everything is {@link
   * EdgeKeys#ALL}.
   */
  static List<String> namesOf(Invalidation invalidation) {
    if (invalidation.isEverything()) {
      return List.of(EdgeKeys.ALL);
    }
    Set<String> names = new LinkedHashSet<>(invalidation.tags());
    invalidation.paths().forEach(path -> names.add(EdgeKeys.ofPath(path)));
    return List.copyOf(names);
  }

  /**
   * Waits until every edge that is not failing has every purge forwarded so far, at most {@link
   * #MAX_WAIT}: the webhook and the admin purge answer after it, so their 200 means the edges that
   * are up have purged too. An edge that is backing off is not waited for (its purges stay in the
   * outbox). True when every edge has them; at once without edges.
   */
  public boolean awaitDelivered() {
    if (lanes.isEmpty()) {
      return true;
    }
    long seq = outbox.lastSeq();
    progress.await(() -> lanes.stream().allMatch(lane -> lane.hasOrIsFailing(seq)), MAX_WAIT);
    return lanes.stream().allMatch(lane -> lane.has(seq));
  }

  /**
   * Delivers what is due to every edge in the calling thread (tests); the number of purges
   * delivered.
   */
  int deliverDue() {
    return lanes.stream().mapToInt(EdgeLane::deliverDue).sum();
  }

  public List<EdgeStatus> statuses() {
    return lanes.stream().map(EdgeLane::status).toList();
  }

  @Override
  public void close() {
    lanes.forEach(EdgeLane::close);
    if (outbox != null) {
      outbox.close();
    }
  }
}
