package com.gatewayz.modelpages.catalog;

import com.gatewayz.modelpages.platform.JsonSupport;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One line of the catalog journal: what changed between two states, and only that, so a line's size
 * follows the change, not the catalog: {@code {"seq":n,"put":{gateway:[entries]},
 * "redated":{gateway:[{"at":time,"ids":[ids]}]}, "removed":{gateway:[ids]},"retired_put":[...],
 * "retired_removed":[ids],"status_put":{...}}}, empty parts left out. {@code redated} names the
 * entries a refresh listed again unchanged: the same listing at a new time. {@code seq} numbers the
 * changes: the snapshot records the last one it holds and replay skips those. Lines of format 2 (no
 * {@code seq}, with the whole retired list and status table) are still applied.
 */
final class CatalogJournal {

  private CatalogJournal() {}

  /** The change from {@code before} to {@code after} as line number {@code seq}. */
  static JsonObject delta(CatalogState before, CatalogState after, long seq) {
    JsonObjectBuilder line = JsonSupport.JSON.createObjectBuilder().add("seq", seq);
    JsonObjectBuilder put = JsonSupport.JSON.createObjectBuilder();
    JsonObjectBuilder removed = JsonSupport.JSON.createObjectBuilder();
    JsonObjectBuilder redated = JsonSupport.JSON.createObjectBuilder();
    after
        .sources()
        .forEach(
            (gateway, entries) -> {
              Map<String, SourceEntry> old = before.entriesOf(gateway);
              if (old == entries) {
                return; // shared by both states: unchanged
              }
              Set<String> keys = after.changedKeysSince(before, gateway);
              Map<String, SourceEntry> walked = keys == null ? entries : only(entries, keys);
              Map<String, SourceEntry> gone = keys == null ? old : only(old, keys);
              Map<String, SourceEntry> changed = changed(old, walked);
              addIfAny(redated, gateway, JournalRedates.takeOut(old, changed).build());
              addIfAny(put, gateway, CatalogStateJson.write(changed).build());
              addIfAny(removed, gateway, ids(missing(gone, entries)).build());
            });
    before
        .sources()
        .forEach(
            (gateway, entries) -> {
              if (!after.sources().containsKey(gateway)) {
                addIfAny(removed, gateway, ids(List.copyOf(entries.keySet())).build());
              }
            });
    addIfAny(line, "put", put.build());
    addIfAny(line, "redated", redated.build());
    addIfAny(line, "removed", removed.build());
    addIfAny(
        line,
        "retired_put",
        CatalogStateJson.writeRetired(changed(before.retired(), after.retired())).build());
    addIfAny(line, "retired_removed", ids(missing(before.retired(), after.retired())).build());
    addIfAny(
        line,
        "status_put",
        CatalogStateJson.writeStatuses(changed(before.gatewayStatus(), after.gatewayStatus()))
            .build());
    if (!after.canonicalIds().equals(before.canonicalIds())) {
      // Small (only models whose merge would now pick another id): written whole when it changes.
      line.add(
          CatalogStateJson.CANONICAL_IDS, CatalogStateJson.writeCanonicalIds(after.canonicalIds()));
    }
    return line.build();
  }

  // The entries of {@code keys} (those a change set), in the order of {@code keys}.
  private static Map<String, SourceEntry> only(Map<String, SourceEntry> entries, Set<String> keys) {
    Map<String, SourceEntry> some = new LinkedHashMap<>();
    for (String key : keys) {
      SourceEntry entry = entries.get(key);
      if (entry != null) {
        some.put(key, entry);
      }
    }
    return some;
  }

  private static <V> Map<String, V> changed(Map<String, V> before, Map<String, V> after) {
    Map<String, V> changed = new LinkedHashMap<>();
    after.forEach(
        (key, value) -> {
          V old = before.get(key);
          if (old != value && !value.equals(old)) {
            changed.put(key, value);
          }
        });
    return changed;
  }

  private static List<String> missing(Map<String, ?> before, Map<String, ?> after) {
    return before.keySet().stream().filter(key -> !after.containsKey(key)).toList();
  }

  private static void addIfAny(JsonObjectBuilder json, String name, JsonValue value) {
    boolean empty =
        value instanceof JsonObject object ? object.isEmpty() : value.asJsonArray().isEmpty();
    if (!empty) {
      json.add(name, value);
    }
  }

  private static JsonArrayBuilder ids(List<String> ids) {
    JsonArrayBuilder array = JsonSupport.JSON.createArrayBuilder();
    ids.forEach(array::add);
    return array;
  }

  /** The line's {@code seq}, or -1 for a format 2 line, which has none. */
  static long seq(JsonObject line) {
    return line.get("seq") instanceof JsonNumber seq ? seq.longValueExact() : -1;
  }

  /**
   * {@code state} with one journal line applied; entries that cannot be read are skipped (logged).
   *
   * @param origin names the line in log lines ({@code catalog.journal line 3})
   * @throws InvalidModelException when the line is not a journal line
   */
  static CatalogState apply(CatalogState state, JsonObject line, String origin)
      throws InvalidModelException {
    if (seq(line) < 0) {
      return applyLegacy(state, line, origin);
    }
    CatalogState next = state;
    Set<String> removing = part(line, "removed").keySet();
    JsonObject puts = part(line, "put");
    JsonObject redates = part(line, "redated");
    Set<String> setting = new LinkedHashSet<>(puts.keySet());
    setting.addAll(redates.keySet());
    for (String gateway : setting) {
      if (!removing.contains(gateway)) {
        next = withSet(next, gateway, puts.get(gateway), redates.get(gateway), origin);
      }
    }
    for (Map.Entry<String, Map<String, SourceEntry>> gateway :
        changedSources(state, line, removing, origin).entrySet()) {
      next = next.withEntries(gateway.getKey(), gateway.getValue());
    }
    if (line.containsKey(CatalogStateJson.CANONICAL_IDS)) {
      next = next.withCanonicalIds(CatalogStateJson.canonicalIds(line));
    }
    if (line.containsKey("retired_put") || line.containsKey("retired_removed")) {
      next = next.withRetired(retired(state, line, origin));
    }
    for (Map.Entry<String, ReportedStatus> status :
        CatalogStateJson.statuses(part(line, "status_put"), origin).entrySet()) {
      next = next.withGatewayStatus(status.getKey(), status.getValue());
    }
    return next;
  }

  // A gateway whose entries a line only sets shares its map with the state before (a journal of
  // 1,000 webhooks at 100,000 models took seconds to replay when each line copied the gateway).
  private static CatalogState withSet(
      CatalogState state, String gateway, JsonValue put, JsonValue redated, String origin)
      throws InvalidModelException {
    String where = origin + " put." + gateway;
    Map<String, SourceEntry> entries =
        put == null
            ? Map.of()
            : CatalogStateJson.entries(CatalogStateJson.array(put, where), where);
    LayeredEntries.Edit<String, SourceEntry> edit = LayeredEntries.edit(state.entriesOf(gateway));
    entries.forEach(edit::put);
    Set<String> keys = new LinkedHashSet<>(entries.keySet());
    if (redated != null) {
      keys.addAll(
          JournalRedates.apply(edit::get, edit::put, redated, origin + " redated." + gateway));
    }
    return state.withChangedEntries(gateway, edit.done(), keys);
  }

  // Only the gateways the line names are copied: replaying a journal of small changes must not
  // copy the whole catalog per line. Those in {@code only} (null: all).
  private static Map<String, Map<String, SourceEntry>> changedSources(
      CatalogState state, JsonObject line, Set<String> only, String origin)
      throws InvalidModelException {
    Map<String, Map<String, SourceEntry>> sources = new LinkedHashMap<>();
    for (Map.Entry<String, JsonValue> put : part(line, "put").entrySet()) {
      if (only != null && !only.contains(put.getKey())) {
        continue;
      }
      String where = origin + " put." + put.getKey();
      sources
          .computeIfAbsent(put.getKey(), g -> new LinkedHashMap<>(state.entriesOf(g)))
          .putAll(CatalogStateJson.entries(CatalogStateJson.array(put.getValue(), where), where));
    }
    for (Map.Entry<String, JsonValue> redated : part(line, "redated").entrySet()) {
      if (only != null && !only.contains(redated.getKey())) {
        continue;
      }
      Map<String, SourceEntry> entries =
          sources.computeIfAbsent(redated.getKey(), g -> new LinkedHashMap<>(state.entriesOf(g)));
      JournalRedates.apply(
          entries::get, entries::put, redated.getValue(), origin + " redated." + redated.getKey());
    }
    for (Map.Entry<String, JsonValue> removed : part(line, "removed").entrySet()) {
      String gateway = removed.getKey();
      if (sources.containsKey(gateway) || state.sources().containsKey(gateway)) {
        Map<String, SourceEntry> entries =
            sources.computeIfAbsent(gateway, g -> new LinkedHashMap<>(state.entriesOf(g)));
        strings(removed.getValue(), origin).forEach(entries::remove);
      }
    }
    return sources;
  }

  // Format 2: whole retired list and status table per line.
  private static CatalogState applyLegacy(CatalogState state, JsonObject line, String origin)
      throws InvalidModelException {
    Map<String, Map<String, SourceEntry>> sources = new LinkedHashMap<>(state.sources());
    sources.putAll(changedSources(state, line, null, origin));
    Map<String, String> canonicalIds =
        line.containsKey(CatalogStateJson.CANONICAL_IDS)
            ? CatalogStateJson.canonicalIds(line)
            : state.canonicalIds();
    return new CatalogState(
        sources,
        retiredOf(line, "retired", origin),
        CatalogStateJson.statuses(part(line, "gateway_status"), origin),
        canonicalIds);
  }

  private static Map<String, RetiredModel> retired(
      CatalogState state, JsonObject line, String origin) throws InvalidModelException {
    Map<String, RetiredModel> retired = new LinkedHashMap<>(state.retired());
    strings(line.getOrDefault("retired_removed", JsonValue.EMPTY_JSON_ARRAY), origin)
        .forEach(retired::remove);
    retired.putAll(retiredOf(line, "retired_put", origin));
    return retired;
  }

  private static Map<String, RetiredModel> retiredOf(JsonObject line, String name, String origin)
      throws InvalidModelException {
    JsonValue value = line.getOrDefault(name, JsonValue.EMPTY_JSON_ARRAY);
    return CatalogStateJson.retired(CatalogStateJson.array(value, origin + " " + name), origin);
  }

  private static JsonObject part(JsonObject line, String name) throws InvalidModelException {
    return line.containsKey(name)
        ? CatalogStateJson.section(line, name)
        : JsonValue.EMPTY_JSON_OBJECT;
  }

  static List<String> strings(JsonValue value, String origin) throws InvalidModelException {
    return CatalogStateJson.array(value, origin).stream()
        .filter(JsonString.class::isInstance)
        .map(item -> ((JsonString) item).getString())
        .filter(Objects::nonNull)
        .toList();
  }
}
