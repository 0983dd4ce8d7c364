package com.gatewayz.modelpages.api;

import com.gatewayz.modelpages.edge.EdgeForwarder;
import com.gatewayz.modelpages.isr.CacheStats;
import com.gatewayz.modelpages.isr.Invalidation;
import com.gatewayz.modelpages.isr.Isr;
import com.gatewayz.modelpages.isr.NegativeCache;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/** Admin: {@code POST /api/cache/invalidate} purges by type; {@code GET /api/cache} reports. */
@Path("cache")
@Produces(MediaType.APPLICATION_JSON)
public class CacheResource {

  private final Isr isr;
  private final Clock clock;
  private final EdgeForwarder edges;

  @Inject
  public CacheResource(Isr isr, Clock clock, EdgeForwarder edges) {
    this.isr = isr;
    this.clock = clock;
    this.edges = edges;
  }

  @POST
  @Path("invalidate")
  @Consumes(MediaType.APPLICATION_JSON)
  @AdminToken
  public Map<String, Object> invalidate(InvalidateRequest request) {
    InvalidationTargets.Targets targets = InvalidationTargets.of(request);
    // A purge the cluster cannot confirm throws PurgeFailedException: 503 + Retry-After (ErrorMappers).
    Invalidation done = targets.everything() ? isr.purgeAll() : isr.purge(targets.tags(), targets.paths());
    edges.awaitDelivered(); // the answer also means the edges that are up have purged
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("success", true);
    body.put("invalidated", Map.of("tags", done.tags(), "paths", done.paths()));
    body.put("timestamp", clock.millis());
    return body;
  }

  @GET
  @AdminToken
  public Map<String, Object> report() {
    CacheStats stats = isr.stats();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("entries", isr.entryCount());
    body.put("hits", stats.hits());
    body.put("misses", stats.misses());
    body.put("stales", stats.stales());
    body.put("renders", stats.renders());
    body.put("renderErrors", stats.renderErrors());
    body.put("stuckRenders", isr.stuckRenders());
    body.put("replacedRenders", stats.rendersReplaced());
    body.put("hitRatio", round(stats.hitRatio(), 4));
    body.put("renderMillisP50", round(stats.renderMillis(50), 2));
    body.put("renderMillisP99", round(stats.renderMillis(99), 2));
    body.put("prerendered", new TreeSet<>(isr.cache().prerenderedKeys()));
    body.put("tags", Map.of("stamped", isr.stampCount()));
    body.put("negative", negative(isr.negativeCache()));
    if (isr.shared().isShared()) {
      body.put("cluster", Map.of("available", isr.isClusterAvailable()));
    }
    return body;
  }

  private static Map<String, Object> negative(NegativeCache.Report report) {
    Map<String, Object> negative = new LinkedHashMap<>();
    negative.put("entries", report.entries());
    negative.put("maxEntries", report.maxEntries());
    negative.put("ttlSeconds", report.ttlSeconds());
    negative.put("hits", report.hits());
    return negative;
  }

  private static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }
}
