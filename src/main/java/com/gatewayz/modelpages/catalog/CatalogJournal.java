package com.gatewayz.modelpages.catalog;

import com.gatewayz.modelpages.platform.JsonSupport;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of the catalog journal: what changed between two states, entry by entry. Lines hold
 * values, not increments, so replaying a line twice (after a crash between a snapshot and the
 * journal's truncation) gives the same state.
 */
final class CatalogJournal {

  private CatalogJournal() {}

  /** The change from {@code before} to {@code after} as one JSON line. */
  static JsonObject delta(CatalogState before, CatalogState after) {
    JsonObjectBuilder put = JsonSupport.JSON.createObjectBuilder();
    JsonObjectBuilder removed = JsonSupport.JSON.createObjectBuilder();
    after.sources().forEach((gateway, entries) -> {
      Map<String, SourceEntry> old = before.entriesOf(gateway);
      Map<String, SourceEntry> changed = new LinkedHashMap<>();
      entries.forEach((id, entry) -> {
        if (!entry.equals(old.get(id))) {
          changed.put(id, entry);
        }
      });
      if (!changed.isEmpty()) {
        put.add(gateway, CatalogStateJson.write(changed));
      }
      addRemoved(removed, gateway, old.keySet().stream().filter(id -> !entries.containsKey(id)).toList());
    });
    before.sources().forEach((gateway, entries) -> {
      if (!after.sources().containsKey(gateway)) {
        addRemoved(removed, gateway, List.copyOf(entries.keySet()));
      }
    });
    JsonObjectBuilder status = JsonSupport.JSON.createObjectBuilder();
    after.gatewayStatus().forEach(status::add);
    return JsonSupport.JSON.createObjectBuilder()
        .add("put", put)
        .add("removed", removed)
        .add("retired", CatalogStateJson.writeRetired(after.retired()))
        .add("gateway_status", status)
        .add(CatalogStateJson.CANONICAL_IDS, CatalogStateJson.writeCanonicalIds(after.canonicalIds()))
        .build();
  }

  private static void addRemoved(JsonObjectBuilder removed, String gateway, List<String> ids) {
    if (!ids.isEmpty()) {
      JsonArrayBuilder array = JsonSupport.JSON.createArrayBuilder();
      ids.forEach(array::add);
      removed.add(gateway, array);
    }
  }

  /** {@code state} with one journal line applied. */
  static CatalogState apply(CatalogState state, JsonObject line) throws InvalidModelException {
    Map<String, Map<String, SourceEntry>> sources = new LinkedHashMap<>();
    state.sources().forEach((gateway, entries) -> sources.put(gateway, new LinkedHashMap<>(entries)));
    for (Map.Entry<String, JsonValue> put : line.getJsonObject("put").entrySet()) {
      Map<String, SourceEntry> entries = CatalogStateJson.entries(put.getValue().asJsonArray(), "journal");
      sources.computeIfAbsent(put.getKey(), g -> new LinkedHashMap<>()).putAll(entries);
    }
    for (Map.Entry<String, JsonValue> removed : line.getJsonObject("removed").entrySet()) {
      Map<String, SourceEntry> entries = sources.get(removed.getKey());
      if (entries != null) {
        removed.getValue().asJsonArray().getValuesAs(jakarta.json.JsonString.class).forEach(id -> entries.remove(id.getString()));
      }
    }
    Map<String, String> status = new LinkedHashMap<>();
    line.getJsonObject("gateway_status").forEach((gateway, value) -> status.put(gateway, ((jakarta.json.JsonString) value).getString()));
    Map<String, String> canonicalIds =
        line.containsKey(CatalogStateJson.CANONICAL_IDS) ? CatalogStateJson.canonicalIds(line) : state.canonicalIds();
    return new CatalogState(sources, CatalogStateJson.retired(line.getJsonArray("retired")), status, canonicalIds);
  }
}
