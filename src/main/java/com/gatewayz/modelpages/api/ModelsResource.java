package com.gatewayz.modelpages.api;

import com.gatewayz.modelpages.catalog.Catalog;
import com.gatewayz.modelpages.catalog.CatalogService;
import com.gatewayz.modelpages.catalog.Model;
import com.gatewayz.modelpages.catalog.ModelId;
import com.gatewayz.modelpages.catalog.ModelJson;
import com.gatewayz.modelpages.platform.JsonSupport;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * {@code GET /api/models} and {@code GET /api/models/{id}}: the merged catalog as JSON. One model
 * answers to any of its ids (its own, and every id a gateway lists it under), with its {@code
 * aliases} and, per offer, the listing id, quantization and the evidence that joined it.
 */
@Path("models")
@Produces(MediaType.APPLICATION_JSON)
public class ModelsResource {

  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;

  private final CatalogService catalog;

  @Inject
  public ModelsResource(CatalogService catalog) {
    this.catalog = catalog;
  }

  @GET
  public JsonObject list(
      @QueryParam("gateway") String gateway,
      @QueryParam("limit") String limit,
      @QueryParam("offset") String offset,
      @QueryParam("q") String q) {
    Catalog current = catalog.current();
    int size = QueryParams.intInRange("limit", limit, 1, MAX_LIMIT, DEFAULT_LIMIT);
    int skip = QueryParams.intInRange("offset", offset, 0, Integer.MAX_VALUE, 0);
    Optional<String> gatewayId = gatewayFilter(gateway, current);
    String search = q == null || q.isBlank() ? null : q.strip();
    List<Model> matches =
        current.models().stream()
            .filter(m -> gatewayId.isEmpty() || m.sourceGateways().contains(gatewayId.get()))
            .filter(m -> search == null || m.matchesText(search))
            .toList();
    JsonArrayBuilder data = JsonSupport.JSON.createArrayBuilder();
    matches.stream().skip(skip).limit(size).forEach(model -> data.add(ModelJson.write(model)));
    return JsonSupport.JSON.createObjectBuilder().add("data", data).add("total", matches.size()).build();
  }

  private static Optional<String> gatewayFilter(String gateway, Catalog current) {
    if (gateway == null || gateway.isBlank() || gateway.equals("all")) {
      return Optional.empty();
    }
    if (!current.gateways().contains(gateway)) {
      SortedSet<String> valid = new TreeSet<>(current.gateways());
      String list = String.join(", ", Stream.concat(Stream.of("all"), valid.stream()).toList());
      throw ApiException.badRequest("unknown gateway '" + QueryParams.shown(gateway) + "'; valid gateways: " + list);
    }
    return Optional.of(gateway);
  }

  @GET
  @Path("{id: .+}")
  public JsonObject one(@PathParam("id") String id) {
    Optional<String> problem = ModelId.problem(id);
    if (problem.isPresent()) {
      throw ApiException.badRequest("invalid model id: " + problem.get());
    }
    Catalog current = catalog.current();
    Optional<Model> model = current.findByAnyId(id);
    if (model.isPresent()) {
      return withAliases(ModelJson.write(model.get()), current.aliasesOf(model.get()));
    }
    if (current.retired(id).isPresent()) {
      throw new ApiException(410, "model '" + id + "' was retired");
    }
    throw ApiException.notFound("model '" + id + "' not found");
  }

  // Only the one-model answer lists aliases: the list stays as compact as before.
  private static JsonObject withAliases(JsonObject model, List<String> aliases) {
    JsonArrayBuilder array = JsonSupport.JSON.createArrayBuilder();
    aliases.forEach(array::add);
    return JsonSupport.JSON.createObjectBuilder(model).add("aliases", array).build();
  }
}
