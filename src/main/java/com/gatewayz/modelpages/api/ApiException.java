package com.gatewayz.modelpages.api;

import jakarta.ws.rs.WebApplicationException;

/** A client-facing failure: answered as {@code {"error": message}} with its status. */
public final class ApiException extends WebApplicationException {

  public ApiException(int status, String message) {
    super(message, ErrorMappers.json(status, message));
  }

  public static ApiException badRequest(String message) {
    return new ApiException(400, message);
  }

  public static ApiException notFound(String message) {
    return new ApiException(404, message);
  }
}
