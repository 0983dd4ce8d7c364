package com.gatewayz.modelpages.api;

import com.gatewayz.modelpages.gateway.RefreshJob;
import com.gatewayz.modelpages.gateway.RefreshSchedule;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/gateways}: every gateway of the registry with its refresh state and circuit, and
 * how refreshes are scheduled here. Anyone sees the class of a gateway's last error ({@code
 * timeout}, {@code http_503}, ...); its text, which may name hosts and paths, only with the admin
 * token ({@code last_error_detail}). {@code POST /api/gateways/refresh} (admin): refresh now.
 */
@Path("gateways")
@Produces(MediaType.APPLICATION_JSON)
public class GatewaysResource {

  private final RefreshJob refresh;
  private final RefreshSchedule schedule;

  @Inject
  public GatewaysResource(RefreshJob refresh, RefreshSchedule schedule) {
    this.refresh = refresh;
    this.schedule = schedule;
  }

  /**
   * A bearer token is checked by the {@link AdminFilter} (a wrong one is refused, 401 or 503 with
   * admin off, and backs off like on every admin endpoint), so here a bearer header means the
   * admin.
   */
  @GET
  @AdminToken(optional = true)
  public GatewayAnswers.Gateways list(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
    boolean details = AdminFilter.isBearer(authorization);
    return GatewayAnswers.Gateways.of(schedule, refresh.statuses(), details);
  }

  @POST
  @Path("refresh")
  @AdminToken
  public GatewayAnswers.Refresh refreshNow() {
    return GatewayAnswers.Refresh.of(refresh.runOnce());
  }
}
