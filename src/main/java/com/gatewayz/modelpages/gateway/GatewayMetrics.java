package com.gatewayz.modelpages.gateway;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Counts refreshes per gateway and outcome: {@code
 * modelpages_gateway_refresh_total{gateway,outcome}}.
 */
public final class GatewayMetrics implements Consumer<RefreshSummary> {

  private final MeterRegistry registry;

  public GatewayMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void accept(RefreshSummary summary) {
    for (RefreshSummary.GatewayRun run : summary.gateways()) {
      Counter.builder("modelpages.gateway.refresh")
          .description("Gateway list refreshes by gateway and outcome")
          .tag("gateway", run.id())
          .tag("outcome", run.result().name().toLowerCase(Locale.ROOT))
          .register(registry)
          .increment();
    }
  }
}
