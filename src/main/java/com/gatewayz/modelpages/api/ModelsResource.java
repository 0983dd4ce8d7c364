package com.gatewayz.modelpages.api;

import com.gatewayz.modelpages.catalog.Catalog;
import com.gatewayz.modelpages.catalog.CatalogService;
import com.gatewayz.modelpages.catalog.Model;
import com.gatewayz.modelpages.catalog.ModelId;
import com.gatewayz.modelpages.catalog.ModelJson;
import com.gatewayz.modelpages.catalog.TextQuery;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * {@code GET /api/models} and {@code GET /api/models/{id}}: the merged catalog as JSON. One model
 * answers to any of its ids (its own, and every id a gateway lists it under), with its {@code
 * aliases} and, per offer, the listing id, quantization and the evidence that joined it. One
 * instance serves every request, so list answers are kept between requests ({@link ModelLists}).
 */
@Singleton
@Path("models")
@Produces(MediaType.APPLICATION_JSON)
public class ModelsResource {

  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;

  private final CatalogService catalog;
  private final ModelLists lists = new ModelLists();

  @Inject
  public ModelsResource(CatalogService catalog) {
    this.catalog = catalog;
  }

  @GET
  public Response list(
      @QueryParam("gateway") String gateway,
      @QueryParam("limit") String limit,
      @QueryParam("offset") String offset,
      @QueryParam("q") String q) {
    Catalog current = catalog.current();
    int size = QueryParams.intInRange("limit", limit, 1, MAX_LIMIT, DEFAULT_LIMIT);
    int skip = QueryParams.intInRange("offset", offset, 0, Integer.MAX_VALUE, 0);
    Optional<String> gatewayId = gatewayFilter(gateway, current);
    Optional<TextQuery> search = search(q);
    byte[] json =
        search.isEmpty()
            ? lists.cached(current, gatewayId, skip, size)
            : lists.build(current, gatewayId, skip, size, search.get());
    return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).build();
  }

  private static Optional<TextQuery> search(String q) {
    if (q == null || q.isBlank()) {
      return Optional.empty();
    }
    String text = q.strip();
    if (text.length() > TextQuery.MAX_LENGTH) {
      throw ApiException.badRequest(
          "q must be at most " + TextQuery.MAX_LENGTH + " characters, got " + text.length());
    }
    return Optional.of(TextQuery.of(text));
  }

  private static Optional<String> gatewayFilter(String gateway, Catalog current) {
    if (gateway == null || gateway.isBlank() || gateway.equals("all")) {
      return Optional.empty();
    }
    if (!current.gateways().contains(gateway)) {
      SortedSet<String> valid = new TreeSet<>(current.gateways());
      String list = String.join(", ", Stream.concat(Stream.of("all"), valid.stream()).toList());
      throw ApiException.badRequest(
          "unknown gateway '" + QueryParams.shown(gateway) + "'; valid gateways: " + list);
    }
    return Optional.of(gateway);
  }

  @GET
  @Path("{id: .+}")
  public ModelAnswers.OneModel one(@PathParam("id") String id) {
    Optional<String> problem = ModelId.problem(id);
    if (problem.isPresent()) {
      throw ApiException.badRequest("invalid model id: " + problem.get());
    }
    Catalog current = catalog.current();
    Optional<Model> model = current.findByAnyId(id);
    if (model.isPresent()) {
      // Only the one-model answer lists aliases: the list stays as compact as before.
      return new ModelAnswers.OneModel(
          ModelJson.write(model.get()), current.aliasesOf(model.get()));
    }
    if (current.retired(id).isPresent()) {
      throw new ApiException(410, "model '" + id + "' was retired");
    }
    throw ApiException.notFound("model '" + id + "' not found");
  }
}
