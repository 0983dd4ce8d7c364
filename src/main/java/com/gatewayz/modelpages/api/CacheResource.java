package com.gatewayz.modelpages.api;

import com.gatewayz.modelpages.edge.EdgeForwarder;
import com.gatewayz.modelpages.isr.Invalidation;
import com.gatewayz.modelpages.isr.Isr;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;

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
  public CacheAnswers.Invalidated invalidate(InvalidateRequest request) {
    InvalidationTargets.Targets targets = InvalidationTargets.of(request);
    // A purge the cluster cannot confirm throws PurgeFailedException: 503 + Retry-After
    // (ErrorMappers).
    Invalidation done =
        targets.everything() ? isr.purgeAll() : isr.purge(targets.tags(), targets.paths());
    edges.awaitDelivered(); // the answer also means the edges that are up have purged
    return CacheAnswers.Invalidated.of(done, clock.millis());
  }

  @GET
  @AdminToken
  public CacheAnswers.Report report() {
    return CacheAnswers.Report.of(isr);
  }
}
