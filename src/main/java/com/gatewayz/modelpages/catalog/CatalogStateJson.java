package com.gatewayz.modelpages.catalog;

import com.gatewayz.modelpages.platform.JsonSupport;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The JSON form of a {@link CatalogState} and of its parts, as stored and shared. Format 3 keeps
 * the time of each gateway status; format 2 (statuses as bare strings) is still read. An entry that
 * cannot be read is skipped with one log line naming it; only a document whose structure is wrong
 * fails as a whole.
 */
final class CatalogStateJson {

  static final int FORMAT = 3;
  static final int LEGACY_FORMAT = 2;
  private static final Logger LOG = Logger.getLogger(CatalogStateJson.class.getName());
  static final String CANONICAL_IDS = "canonical_ids";

  private CatalogStateJson() {}

  /**
   * @param origin names the document in log lines ({@code catalog.json})
   * @throws InvalidModelException when the document is not a catalog state of a known format
   */
  static CatalogState read(JsonObject stored, String origin) throws InvalidModelException {
    int format = format(stored);
    Map<String, Map<String, SourceEntry>> sources = new LinkedHashMap<>();
    for (Map.Entry<String, JsonValue> source : section(stored, "sources").entrySet()) {
      String where = origin + " sources." + source.getKey();
      sources.put(source.getKey(), entries(array(source.getValue(), where), where));
    }
    Map<String, RetiredModel> retired =
        retired(array(stored.get("retired"), origin + " retired"), origin);
    Map<String, ReportedStatus> statuses = statuses(section(stored, "gateway_status"), origin);
    if (format == LEGACY_FORMAT) {
      LOG.info(
          () ->
              "[Catalog] "
                  + origin
                  + " is in format "
                  + LEGACY_FORMAT
                  + "; it is rewritten in format "
                  + FORMAT);
    }
    return new CatalogState(sources, retired, statuses, canonicalIds(stored));
  }

  // Added with issue 14: absent in older files (nothing pinned); an invalid pair is dropped.
  static Map<String, String> canonicalIds(JsonObject stored) {
    Map<String, String> pinned = new LinkedHashMap<>();
    JsonValue value = stored.get(CANONICAL_IDS);
    if (value instanceof JsonObject object) {
      object.forEach(
          (listingId, canonical) -> {
            if (canonical instanceof jakarta.json.JsonString text
                && ModelId.isValid(listingId)
                && ModelId.isValid(text.getString())) {
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

  /** The format number of a stored state: {@link #FORMAT} or {@link #LEGACY_FORMAT}. */
  static int format(JsonObject stored) throws InvalidModelException {
    if (stored.get("format") instanceof JsonNumber number
        && (number.intValue() == FORMAT || number.intValue() == LEGACY_FORMAT)
        && number.isIntegral()) {
      return number.intValue();
    }
    throw new InvalidModelException("format", "is not " + LEGACY_FORMAT + " or " + FORMAT);
  }

  static JsonObject section(JsonObject json, String name) throws InvalidModelException {
    if (!(json.get(name) instanceof JsonObject section)) {
      throw new InvalidModelException(name, "must be an object");
    }
    return section;
  }

  static JsonArray array(JsonValue value, String where) throws InvalidModelException {
    if (!(value instanceof JsonArray array)) {
      throw new InvalidModelException(where, "must be an array");
    }
    return array;
  }

  /** The readable entries of one gateway; each unreadable one is logged and skipped. */
  static Map<String, SourceEntry> entries(JsonArray array, String where) {
    Map<String, SourceEntry> entries = new LinkedHashMap<>();
    for (int i = 0; i < array.size(); i++) {
      putEntry(entries, array.get(i), where + "[" + i + "]");
    }
    return entries;
  }

  /** Adds the entry {@code value} holds, under its key; an unreadable one is logged and skipped. */
  static void putEntry(Map<String, SourceEntry> entries, JsonValue value, String path) {
    try {
      SourceEntry entry = entry(value, path);
      entries.put(
          entry.listing() != null
              ? entry.listing().entryKey()
              : value.asJsonObject().getString("id"),
          entry);
    } catch (InvalidModelException | RuntimeException e) {
      skipped(path, e);
    }
  }

  private static SourceEntry entry(JsonValue value, String path) throws InvalidModelException {
    if (!(value instanceof JsonObject entry)) {
      throw new InvalidModelException(path, "must be an object");
    }
    Listing listing =
        entry.isNull("listing")
            ? null
            : ListingJson.read(entry.getJsonObject("listing"), path + ".listing");
    if (listing == null && !Listing.isEntryKey(entry.getString("id"))) {
      throw new InvalidModelException(path + ".id", "is not a valid model id");
    }
    return new SourceEntry(
        listing,
        entry.getJsonNumber("applied_at").longValueExact(),
        entry.getInt("misses"),
        entry.getBoolean("removed"));
  }

  static Map<String, RetiredModel> retired(JsonArray array, String origin) {
    Map<String, RetiredModel> retired = new LinkedHashMap<>();
    for (int i = 0; i < array.size(); i++) {
      try {
        RetiredModel model = retiredModel(array.getJsonObject(i));
        retired.put(model.id(), model);
      } catch (RuntimeException e) {
        skipped(origin + " retired[" + i + "]", e);
      }
    }
    return retired;
  }

  private static RetiredModel retiredModel(JsonObject entry) {
    String id = entry.getString("id");
    if (!ModelId.isValid(id)) {
      throw new IllegalArgumentException("id is not a valid model id");
    }
    return new RetiredModel(
        id,
        entry.getString("name", id),
        entry.getString("provider_slug", ""),
        entry.getJsonNumber("retired_at").longValueExact());
  }

  /** Statuses by gateway: format 3 objects with their time, or format 2 bare strings (time 0). */
  static Map<String, ReportedStatus> statuses(JsonObject json, String origin) {
    Map<String, ReportedStatus> statuses = new LinkedHashMap<>();
    json.forEach(
        (gateway, value) -> {
          try {
            statuses.put(gateway, status(value));
          } catch (RuntimeException e) {
            skipped(origin + " gateway_status." + gateway, e);
          }
        });
    return statuses;
  }

  private static ReportedStatus status(JsonValue value) {
    if (value instanceof JsonString legacy) {
      return new ReportedStatus(legacy.getString(), 0);
    }
    JsonObject status = value.asJsonObject();
    return new ReportedStatus(
        status.getString("status"), status.getJsonNumber("reported_at").longValueExact());
  }

  private static void skipped(String path, Exception e) {
    LOG.warning(() -> "[Catalog] skipped " + path + ", which cannot be read: " + describe(e));
  }

  private static String describe(Exception e) {
    return e instanceof InvalidModelException
        ? e.getMessage()
        : e.getClass().getSimpleName() + " " + e.getMessage();
  }

  static JsonObject write(CatalogState state) {
    JsonObjectBuilder sources = JsonSupport.JSON.createObjectBuilder();
    state.sources().forEach((gateway, entries) -> sources.add(gateway, write(entries)));
    return JsonSupport.JSON
        .createObjectBuilder()
        .add("format", FORMAT)
        .add("sources", sources)
        .add("retired", writeRetired(state.retired()))
        .add("gateway_status", writeStatuses(state.gatewayStatus()))
        .add(CANONICAL_IDS, writeCanonicalIds(state.canonicalIds()))
        .build();
  }

  static JsonObjectBuilder writeStatuses(Map<String, ReportedStatus> statuses) {
    JsonObjectBuilder json = JsonSupport.JSON.createObjectBuilder();
    statuses.forEach(
        (gateway, status) ->
            json.add(
                gateway,
                JsonSupport.JSON
                    .createObjectBuilder()
                    .add("status", status.status())
                    .add("reported_at", status.reportedAt())));
    return json;
  }

  static JsonArrayBuilder writeRetired(Map<String, RetiredModel> models) {
    JsonArrayBuilder retired = JsonSupport.JSON.createArrayBuilder();
    for (RetiredModel model : models.values()) {
      retired.add(
          JsonSupport.JSON
              .createObjectBuilder()
              .add("id", model.id())
              .add("name", model.name())
              .add("provider_slug", model.developer())
              .add("retired_at", model.retiredAt()));
    }
    return retired;
  }

  static JsonArrayBuilder write(Map<String, SourceEntry> entries) {
    JsonArrayBuilder array = JsonSupport.JSON.createArrayBuilder();
    entries.forEach((id, entry) -> array.add(writeEntry(id, entry)));
    return array;
  }

  /** One source entry under its key. */
  static JsonObjectBuilder writeEntry(String id, SourceEntry entry) {
    JsonObjectBuilder json =
        JsonSupport.JSON
            .createObjectBuilder()
            .add("id", id)
            .add("applied_at", entry.appliedAt())
            .add("misses", entry.misses())
            .add("removed", entry.removed());
    if (entry.listing() == null) {
      json.addNull("listing");
    } else {
      json.add("listing", ListingJson.write(entry.listing()));
    }
    return json;
  }
}
