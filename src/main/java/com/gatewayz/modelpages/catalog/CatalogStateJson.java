package com.gatewayz.modelpages.catalog;

import com.gatewayz.modelpages.platform.JsonSupport;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON form of a {@link CatalogState} and of its parts, as stored and shared. */
final class CatalogStateJson {

  static final int FORMAT = 2;
  static final String CANONICAL_IDS = "canonical_ids";

  private CatalogStateJson() {}

  static CatalogState read(JsonObject stored) throws InvalidModelException {
    if (stored.getInt("format", 0) != FORMAT) {
      throw new InvalidModelException("format", "is not " + FORMAT);
    }
    Map<String, Map<String, SourceEntry>> sources = new LinkedHashMap<>();
    for (Map.Entry<String, JsonValue> source : stored.getJsonObject("sources").entrySet()) {
      sources.put(source.getKey(), entries(source.getValue().asJsonArray(), "sources." + source.getKey()));
    }
    Map<String, String> status = new LinkedHashMap<>();
    stored.getJsonObject("gateway_status").forEach((gateway, value) -> status.put(gateway, ((jakarta.json.JsonString) value).getString()));
    return new CatalogState(sources, retired(stored.getJsonArray("retired")), status, canonicalIds(stored));
  }

  // Added with issue 14: absent in older files (nothing pinned); an invalid pair is dropped.
  static Map<String, String> canonicalIds(JsonObject stored) {
    Map<String, String> pinned = new LinkedHashMap<>();
    JsonValue value = stored.get(CANONICAL_IDS);
    if (value instanceof JsonObject object) {
      object.forEach((listingId, canonical) -> {
        if (canonical instanceof jakarta.json.JsonString text && ModelId.isValid(listingId) && ModelId.isValid(text.getString())) {
          pinned.put(listingId, text.getString());
        }
      });
    }
    return pinned;
  }

  static JsonObjectBuilder writeCanonicalIds(Map<String, String> canonicalIds) {
    JsonObjectBuilder json = JsonSupport.JSON.createObjectBuilder();
    canonicalIds.forEach(json::add);
    return json;
  }

  static Map<String, SourceEntry> entries(JsonArray array, String path) throws InvalidModelException {
    Map<String, SourceEntry> entries = new LinkedHashMap<>();
    for (int i = 0; i < array.size(); i++) {
      JsonObject entry = array.getJsonObject(i);
      Listing listing = entry.isNull("listing") ? null : ListingJson.read(entry.getJsonObject("listing"), path + "[" + i + "]");
      String id = listing == null ? entry.getString("id") : listing.entryKey();
      entries.put(
          id,
          new SourceEntry(
              listing, entry.getJsonNumber("applied_at").longValue(), entry.getInt("misses"), entry.getBoolean("removed")));
    }
    return entries;
  }

  static Map<String, RetiredModel> retired(JsonArray array) {
    Map<String, RetiredModel> retired = new LinkedHashMap<>();
    for (JsonObject entry : array.getValuesAs(JsonObject.class)) {
      RetiredModel model =
          new RetiredModel(
              entry.getString("id"),
              entry.getString("name", entry.getString("id")),
              entry.getString("provider_slug", ""),
              entry.getJsonNumber("retired_at").longValue());
      retired.put(model.id(), model);
    }
    return retired;
  }

  static JsonObject write(CatalogState state) {
    JsonObjectBuilder sources = JsonSupport.JSON.createObjectBuilder();
    state.sources().forEach((gateway, entries) -> sources.add(gateway, write(entries)));
    JsonArrayBuilder retired = writeRetired(state.retired());
    JsonObjectBuilder status = JsonSupport.JSON.createObjectBuilder();
    state.gatewayStatus().forEach(status::add);
    return JsonSupport.JSON.createObjectBuilder()
        .add("format", FORMAT)
        .add("sources", sources)
        .add("retired", retired)
        .add("gateway_status", status)
        .add(CANONICAL_IDS, writeCanonicalIds(state.canonicalIds()))
        .build();
  }

  static JsonArrayBuilder writeRetired(Map<String, RetiredModel> models) {
    JsonArrayBuilder retired = JsonSupport.JSON.createArrayBuilder();
    for (RetiredModel model : models.values()) {
      retired.add(
          JsonSupport.JSON.createObjectBuilder()
              .add("id", model.id())
              .add("name", model.name())
              .add("provider_slug", model.developer())
              .add("retired_at", model.retiredAt()));
    }
    return retired;
  }

  static JsonArrayBuilder write(Map<String, SourceEntry> entries) {
    JsonArrayBuilder array = JsonSupport.JSON.createArrayBuilder();
    entries.forEach(
        (id, entry) -> {
          JsonObjectBuilder json =
              JsonSupport.JSON.createObjectBuilder()
                  .add("id", id)
                  .add("applied_at", entry.appliedAt())
                  .add("misses", entry.misses())
                  .add("removed", entry.removed());
          if (entry.listing() == null) {
            json.addNull("listing");
          } else {
            json.add("listing", ListingJson.write(entry.listing()));
          }
          array.add(json);
        });
    return array;
  }

}
