package com.gatewayz.modelpages.isr;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The cache's meters. Counters read the engine's own adders when scraped, so the hit path pays
 * nothing for them; only finished renders record into the timer.
 */
public final class IsrMetrics {

  private IsrMetrics() {}

  public static void bind(Isr isr, MeterRegistry registry) {
    CacheStats stats = isr.stats();
    requests(registry, stats);
    for (Revalidation trigger : Revalidation.values()) {
      FunctionCounter.builder("modelpages.revalidations", stats, s -> s.revalidations(trigger))
          .description("Re-renders of cached pages by what made them necessary")
          .tag("trigger", trigger.label())
          .register(registry);
    }
    Gauge.builder("modelpages.render.stuck", isr, Isr::stuckRenders)
        .description("Renders running past their deadline (replaced ones still hanging included)")
        .register(registry);
    FunctionCounter.builder("modelpages.render.replaced", stats, CacheStats::rendersReplaced)
        .description("Renders replaced by a new one after running past their deadline")
        .register(registry);
    Gauge.builder("modelpages.cache.entries", isr, Isr::entryCount)
        .description("Pages in the cache (its authoritative tier)")
        .register(registry);
    Timer renders =
        Timer.builder("modelpages.render")
            .description("Time to render a page (pre-render, miss or background)")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofSeconds(10))
            .register(registry);
    stats.setRenderListener((nanos, succeeded) -> renders.record(nanos, TimeUnit.NANOSECONDS));
  }

  private static void requests(MeterRegistry registry, CacheStats stats) {
    counter(registry, stats, "hit", CacheStats::hits);
    counter(registry, stats, "stale", CacheStats::stales);
    counter(registry, stats, "miss", CacheStats::misses);
  }

  private static void counter(
      MeterRegistry registry,
      CacheStats stats,
      String result,
      java.util.function.ToDoubleFunction<CacheStats> count) {
    FunctionCounter.builder("modelpages.cache.requests", stats, count)
        .description("Requests for cacheable pages by cache result")
        .tag("result", result)
        .register(registry);
  }
}
