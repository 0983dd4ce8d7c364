package com.gatewayz.modelpages.api;

import com.gatewayz.modelpages.admin.AdminGuard;
import com.gatewayz.modelpages.admin.AdminGuard.Verdict;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;

/**
 * The one admin check of the JAX-RS API, for every method marked {@link AdminToken}: a 503 when
 * admin is off, a 401 when the bearer token is missing or wrong, a 429 with {@code Retry-After}
 * while the client's address is locked out ({@link AdminGuard}'s back-off). It runs after matching
 * and before the method's parameters are read, so a refused request's body is never parsed.
 */
@AdminToken
@Priority(Priorities.AUTHENTICATION)
final class AdminFilter implements ContainerRequestFilter {

  private static final String BEARER = "Bearer ";

  private final AdminGuard guard;
  @Context private ResourceInfo resource;
  @Context private HttpServletRequest client;

  @Inject
  AdminFilter(AdminGuard guard) {
    this.guard = guard;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    Method method = resource.getResourceMethod();
    AdminToken marker = method.getAnnotation(AdminToken.class);
    String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (marker != null && marker.optional() && !isBearer(authorization)) {
      return;
    }
    check(authorization, client.getRemoteAddr(), endpoint(resource.getResourceClass(), method));
  }

  static boolean isBearer(String authorization) {
    return authorization != null
        && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length());
  }

  /**
   * Throws the refusal of {@code authorization} from {@code client}; returns when it is the admin
   * token.
   *
   * @param endpoint what was asked for, for the audit log ({@code /api/cache})
   */
  void check(String authorization, String client, String endpoint) {
    if (!guard.isEnabled()) {
      throw new ApiException(
          503, "admin API is disabled: set MODEL_PAGES_ADMIN_TOKEN to enable it");
    }
    Verdict verdict =
        authorization == null ? Verdict.DENIED : guard.judgeBearer(authorization, client, endpoint);
    if (verdict == Verdict.THROTTLED) {
      throw throttled(client);
    }
    if (verdict == Verdict.DENIED) {
      throw new ApiException(401, "missing or invalid admin token");
    }
  }

  private ApiException throttled(String client) {
    long seconds = guard.retryAfterSeconds(client);
    String message =
        "too many wrong admin tokens from this address; retry in " + seconds + " seconds";
    return new ApiException(
        Response.fromResponse(ErrorMappers.json(429, message))
            .header("Retry-After", seconds)
            .build(),
        message);
  }

  // The resource's own path, never the request's: the audit log names the endpoint, not a variant.
  private static String endpoint(Class<?> type, Method method) {
    Path typePath = type.getAnnotation(Path.class);
    Path methodPath = method.getAnnotation(Path.class);
    return "/api/"
        + (typePath == null ? "" : typePath.value())
        + (methodPath == null ? "" : "/" + methodPath.value());
  }
}
