package com.gatewayz.modelpages.api;

import com.gatewayz.modelpages.edge.EdgeForwarder;
import com.gatewayz.modelpages.edge.EdgeStatus;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/edges}: each cache in front of the application that purges are forwarded to, with
 * its delivery state. Public, like {@code /api/gateways}: names and counts, never an address or a
 * token.
 */
@Path("edges")
@Produces(MediaType.APPLICATION_JSON)
public class EdgesResource {

  private final EdgeForwarder forwarder;

  @Inject
  public EdgesResource(EdgeForwarder forwarder) {
    this.forwarder = forwarder;
  }

  /** The answer: every edge, and how many. */
  public record Edges(List<Edge> edges, int total) {}

  /** One edge, as the public sees it. */
  @JsonbNillable
  public record Edge(
      String name,
      String kind,
      String circuit,
      int pending,
      @JsonbProperty("lag_seconds") double lagSeconds,
      long delivered,
      long failed,
      @JsonbProperty("last_attempt") Instant lastAttempt,
      @JsonbProperty("last_success") Instant lastSuccess,
      @JsonbProperty("next_attempt") Instant nextAttempt,
      @JsonbProperty("last_error") String lastError) {

    static Edge of(EdgeStatus status) {
      return new Edge(
          status.name(),
          status.kind(),
          status.circuit(),
          status.pending(),
          status.lagSeconds(),
          status.delivered(),
          status.failed(),
          status.lastAttempt(),
          status.lastSuccess(),
          status.nextAttempt(),
          status.lastError());
    }
  }

  @GET
  public Edges list() {
    List<Edge> edges = forwarder.statuses().stream().map(Edge::of).toList();
    return new Edges(edges, edges.size());
  }
}
