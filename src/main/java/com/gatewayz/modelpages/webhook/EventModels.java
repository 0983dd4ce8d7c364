package com.gatewayz.modelpages.webhook;

import com.gatewayz.modelpages.catalog.GatewayNames;
import com.gatewayz.modelpages.catalog.InvalidModelException;
import com.gatewayz.modelpages.catalog.Listing;
import com.gatewayz.modelpages.catalog.Model;
import com.gatewayz.modelpages.catalog.ModelId;
import com.gatewayz.modelpages.catalog.ModelJson;
import com.gatewayz.modelpages.catalog.Offer;
import com.gatewayz.modelpages.platform.JsonFieldReader;
import com.gatewayz.modelpages.platform.JsonSupport;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the {@code models} array of a webhook event, strictly, naming the bad item. */
final class EventModels {

  private static final String FIELD = "models";

  private EventModels() {}

  /**
   * The models of an added/updated event as listings of {@code gateway} (an id of {@code
   * gateways}).
   */
  static List<Listing> listings(JsonObject json, String gateway, GatewayNames gateways)
      throws InvalidEventException {
    JsonArray models = array(json);
    List<Listing> listings = new ArrayList<>(models.size());
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < models.size(); i++) {
      String path = FIELD + "[" + i + "]";
      Model model = read(models.get(i), path);
      checkUnique(seen, model.id(), i, path + ".id");
      listings.add(
          Listing.of(model, offer(model, gateway, gateways, models.getJsonObject(i), path)));
    }
    return listings;
  }

  /** The ids of a removed event: each item is a model object or an id string. */
  static List<String> ids(JsonObject json) throws InvalidEventException {
    JsonArray models = array(json);
    List<String> ids = new ArrayList<>(models.size());
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < models.size(); i++) {
      String path = FIELD + "[" + i + "]";
      JsonValue item = models.get(i);
      String id = item instanceof JsonString text ? id(text, path) : read(item, path).id();
      checkUnique(seen, id, i, item instanceof JsonString ? path : path + ".id");
      ids.add(id);
    }
    return ids;
  }

  private static JsonArray array(JsonObject json) throws InvalidEventException {
    if (JsonFieldReader.isAbsent(json, FIELD)) {
      throw new InvalidEventException(FIELD, "is required");
    }
    return EventJson.FIELDS.array(json, FIELD, "", WebhookEvent.MAX_MODELS);
  }

  private static Model read(JsonValue value, String path) throws InvalidEventException {
    try {
      return ModelJson.read(value, path);
    } catch (InvalidModelException e) {
      throw InvalidEventException.of(e);
    }
  }

  private static String id(JsonString text, String path) throws InvalidEventException {
    Optional<String> problem = ModelId.problem(text.getString());
    if (problem.isPresent()) {
      throw new InvalidEventException(path, problem.get());
    }
    return text.getString();
  }

  // Two entries for one model would leave which one wins to the array order: reject instead.
  private static void checkUnique(Map<String, Integer> seen, String id, int index, String path)
      throws InvalidEventException {
    Integer first = seen.putIfAbsent(id, index);
    if (first != null) {
      throw new InvalidEventException(path, "repeats the id of models[" + first + "]");
    }
  }

  /**
   * This gateway's offer: the document's own offer for it (under its id or an alias) when listed,
   * else the top-level prices and context length.
   */
  private static Offer offer(
      Model model, String gateway, GatewayNames gateways, JsonObject source, String path)
      throws InvalidEventException {
    for (Offer offer : model.offers()) {
      if (gateway.equals(gateways.idOf(offer.gateway()).orElse(null))) {
        return offer;
      }
    }
    // With offers present, a model's headline price is the cheapest offer's, not the document's.
    Model plain = model.offers().isEmpty() ? model : read(withoutOffers(source), path);
    Long context = model.contextLength() > 0 ? model.contextLength() : null;
    return new Offer(gateway, plain.pricing(), context, null);
  }

  private static JsonObject withoutOffers(JsonObject source) {
    return JsonSupport.JSON.createObjectBuilder(source).remove("offers").build();
  }
}
