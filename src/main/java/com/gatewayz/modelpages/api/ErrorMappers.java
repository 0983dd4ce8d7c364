package com.gatewayz.modelpages.api;

import com.gatewayz.modelpages.catalog.CatalogUnavailableException;
import com.gatewayz.modelpages.isr.PurgeFailedException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every failure becomes {@code {"error":"..."}} JSON with a 4xx for client mistakes; a stack trace
 * never reaches the client, and only real server faults answer 500.
 */
final class ErrorMappers {

  private static final Logger LOG = Logger.getLogger(ErrorMappers.class.getName());

  private ErrorMappers() {}

  static Response json(int status, String message) {
    return Response.status(status).entity(new ErrorBody(message)).type("application/json").build();
  }

  /** JAX-RS's own failures (404 no resource, 405, 415, ...) keep their status, in JSON. */
  static final class WebApplication implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException exception) {
      Response response = exception.getResponse();
      if (response.getEntity() instanceof ErrorBody) {
        return response;
      }
      if (exception.getCause() instanceof JsonbException
          || exception.getCause() instanceof JsonException) {
        return json(400, "invalid JSON body");
      }
      int status = response.getStatus();
      String reason = response.getStatusInfo().getReasonPhrase();
      Response.ResponseBuilder rebuilt =
          Response.fromResponse(response).entity(new ErrorBody(reason)).type("application/json");
      return status >= 500 ? json(status, "internal error") : rebuilt.build();
    }
  }

  /** Unreadable bodies: malformed JSON, wrong types. */
  static final class Processing implements ExceptionMapper<ProcessingException> {
    @Override
    public Response toResponse(ProcessingException exception) {
      return json(400, "invalid JSON body");
    }
  }

  static final class Jsonb implements ExceptionMapper<JsonbException> {
    @Override
    public Response toResponse(JsonbException exception) {
      return json(400, "invalid JSON body");
    }
  }

  static final class JsonP implements ExceptionMapper<JsonException> {
    @Override
    public Response toResponse(JsonException exception) {
      return json(400, "invalid JSON body");
    }
  }

  /** The shared catalog is out of reach: nothing changed, the caller should try again. */
  static final class CatalogUnavailable implements ExceptionMapper<CatalogUnavailableException> {
    @Override
    public Response toResponse(CatalogUnavailableException exception) {
      LOG.warning(() -> "[API] refused: " + exception.getMessage());
      return Response.fromResponse(json(503, exception.getMessage()))
          .header("Retry-After", "5")
          .build();
    }
  }

  /**
   * A purge the cluster could not confirm: nothing is promised, the caller should send it again.
   */
  static final class PurgeFailed implements ExceptionMapper<PurgeFailedException> {
    @Override
    public Response toResponse(PurgeFailedException exception) {
      LOG.warning(() -> "[API] purge refused: " + exception.getMessage());
      return Response.fromResponse(
              json(503, "the purge could not be confirmed by every node of the cluster; try again"))
          .header("Retry-After", Integer.toString(exception.retryAfterSeconds()))
          .build();
    }
  }

  /** Anything else is our fault: logged, answered without details. */
  static final class Unexpected implements ExceptionMapper<Throwable> {
    @Override
    public Response toResponse(Throwable exception) {
      LOG.log(Level.SEVERE, "[API] unexpected failure", exception);
      return json(500, "internal error");
    }
  }
}
