package com.gatewayz.modelpages.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/** A client-facing failure: answered as {@code {"error": message}} with its status. */
final class ApiException extends WebApplicationException {

  public ApiException(int status, String message) {
    super(message, ErrorMappers.json(status, message));
  }

  /** An answer with more than the status, such as a {@code Retry-After} header. */
  ApiException(Response response, String message) {
    super(message, response);
  }

  public static ApiException badRequest(String message) {
    return new ApiException(400, message);
  }

  public static ApiException notFound(String message) {
    return new ApiException(404, message);
  }
}
