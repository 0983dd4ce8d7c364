package com.gatewayz.modelpages.edge;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The edges' meters: {@code modelpages_edge_purges_total{edge,outcome}} (delivered, failed), {@code
 * modelpages_edge_lag_seconds{edge}} (the oldest purge still waiting), {@code
 * modelpages_edge_pending{edge}} and {@code modelpages_edge_delivery_seconds{edge}} (from the local
 * purge to the edge's answer).
 */
final class EdgeMetrics {

  private final MeterRegistry registry;

  EdgeMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void register(EdgeLane lane) {
    String edge = lane.edge().name();
    purges(edge, "delivered");
    purges(edge, "failed");
    delivery(edge);
    Gauge.builder("modelpages.edge.lag", lane, l -> l.status().lagSeconds())
        .description("Age of the oldest purge this edge has not had yet")
        .baseUnit("seconds")
        .tag("edge", edge)
        .register(registry);
    Gauge.builder("modelpages.edge.pending", lane, l -> l.status().pending())
        .description("Purges this edge has not had yet")
        .tag("edge", edge)
        .register(registry);
  }

  void delivered(String edge, List<PurgeOutbox.Entry> batch, long nowMillis) {
    purges(edge, "delivered").increment(batch.size());
    Timer timer = delivery(edge);
    batch.forEach(
        entry -> timer.record(Math.max(0, nowMillis - entry.atMillis()), TimeUnit.MILLISECONDS));
  }

  void failed(String edge, int purges) {
    purges(edge, "failed").increment(purges);
  }

  private Counter purges(String edge, String outcome) {
    return Counter.builder("modelpages.edge.purges")
        .description("Purges forwarded to an edge, by outcome (a failed one counts at each try)")
        .tag("edge", edge)
        .tag("outcome", outcome)
        .register(registry);
  }

  private Timer delivery(String edge) {
    return Timer.builder("modelpages.edge.delivery")
        .description("Time from a local purge to the edge accepting it")
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofMinutes(10))
        .tag("edge", edge)
        .register(registry);
  }
}
