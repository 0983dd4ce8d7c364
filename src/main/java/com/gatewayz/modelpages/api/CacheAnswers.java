package com.gatewayz.modelpages.api;

import com.gatewayz.modelpages.isr.CacheStats;
import com.gatewayz.modelpages.isr.Invalidation;
import com.gatewayz.modelpages.isr.Isr;
import com.gatewayz.modelpages.isr.NegativeCache;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The answers of {@link CacheResource} as JSON-B records, fields in the wire order clients have
 * seen (never JSON-B's alphabetical default).
 */
final class CacheAnswers {

  private CacheAnswers() {}

  /** {@code POST /api/cache/invalidate}: what was purged, and when (epoch milliseconds). */
  @JsonbPropertyOrder({"success", "invalidated", "timestamp"})
  public record Invalidated(boolean success, Purged invalidated, long timestamp) {

    static Invalidated of(Invalidation done, long millis) {
      return new Invalidated(true, new Purged(done.tags(), done.paths()), millis);
    }
  }

  /** The tags and paths one purge named. */
  @JsonbPropertyOrder({"tags", "paths"})
  public record Purged(List<String> tags, List<String> paths) {}

  /** {@code GET /api/cache}; {@code cluster} only with a cluster configured. */
  @JsonbPropertyOrder({
    "entries",
    "hits",
    "misses",
    "stales",
    "renders",
    "renderErrors",
    "stuckRenders",
    "replacedRenders",
    "hitRatio",
    "renderMillisP50",
    "renderMillisP99",
    "prerendered",
    "tags",
    "negative",
    "cluster"
  })
  public record Report(
      long entries,
      long hits,
      long misses,
      long stales,
      long renders,
      long renderErrors,
      int stuckRenders,
      long replacedRenders,
      double hitRatio,
      double renderMillisP50,
      double renderMillisP99,
      SortedSet<String> prerendered,
      Tags tags,
      Negative negative,
      Cluster cluster) {

    static Report of(Isr isr) {
      CacheStats stats = isr.stats();
      return new Report(
          isr.entryCount(),
          stats.hits(),
          stats.misses(),
          stats.stales(),
          stats.renders(),
          stats.renderErrors(),
          isr.stuckRenders(),
          stats.rendersReplaced(),
          round(stats.hitRatio(), 4),
          round(stats.renderMillis(50), 2),
          round(stats.renderMillis(99), 2),
          new TreeSet<>(isr.prerenderedKeys()),
          new Tags(isr.stampCount()),
          Negative.of(isr.negativeCache()),
          isr.shared().isShared() ? new Cluster(isr.isClusterAvailable()) : null);
    }
  }

  /** How many tags carry a purge stamp. */
  public record Tags(int stamped) {}

  /** Whether this node reaches the cluster now. */
  public record Cluster(boolean available) {}

  /** The negative cache of 404s. */
  @JsonbPropertyOrder({"entries", "maxEntries", "ttlSeconds", "hits"})
  public record Negative(long entries, long maxEntries, long ttlSeconds, long hits) {

    static Negative of(NegativeCache.Report report) {
      return new Negative(
          report.entries(), report.maxEntries(), report.ttlSeconds(), report.hits());
    }
  }

  private static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }
}
