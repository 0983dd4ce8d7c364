package com.gatewayz.modelpages.catalog;

import com.gatewayz.modelpages.platform.JsonSupport;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The {@code redated} part of a journal line: the entries a refresh listed again unchanged (the
 * same listing at a new time), as their ids grouped by time, {@code [{"at":time,"ids":[ids]}]}. A
 * refresh of a gateway listing 25,000 models writes their ids, not their listings (a line as large
 * as the snapshot otherwise).
 */
final class JournalRedates {

  private JournalRedates() {}

  /** Takes out of {@code changed} the entries only re-dated from {@code old}; returns the part. */
  static JsonArrayBuilder takeOut(Map<String, SourceEntry> old, Map<String, SourceEntry> changed) {
    Map<Long, JsonArrayBuilder> byTime = new TreeMap<>();
    changed
        .entrySet()
        .removeIf(
            entry -> {
              SourceEntry before = old.get(entry.getKey());
              SourceEntry now = entry.getValue();
              boolean redate =
                  before != null
                      && before.listing() != null
                      && now.equals(SourceEntry.listed(before.listing(), now.appliedAt()));
              if (redate) {
                byTime
                    .computeIfAbsent(now.appliedAt(), at -> JsonSupport.JSON.createArrayBuilder())
                    .add(entry.getKey());
              }
              return redate;
            });
    JsonArrayBuilder groups = JsonSupport.JSON.createArrayBuilder();
    byTime.forEach(
        (at, ids) ->
            groups.add(JsonSupport.JSON.createObjectBuilder().add("at", at).add("ids", ids)));
    return groups;
  }

  /**
   * Lists again at their new time the entries {@code redated} names, read with {@code entries} and
   * written with {@code put}; returns their ids.
   *
   * @throws InvalidModelException when a group has no time or names an entry without a listing
   */
  static List<String> apply(
      Function<String, SourceEntry> entries,
      BiConsumer<String, SourceEntry> put,
      JsonValue redated,
      String where)
      throws InvalidModelException {
    List<String> ids = new ArrayList<>();
    for (JsonValue group : CatalogStateJson.array(redated, where)) {
      if (!(group instanceof JsonObject at) || !(at.get("at") instanceof JsonNumber time)) {
        throw new InvalidModelException(where, "holds a group without its time");
      }
      for (String id :
          CatalogJournal.strings(at.getOrDefault("ids", JsonValue.EMPTY_JSON_ARRAY), where)) {
        SourceEntry old = entries.apply(id);
        if (old == null || old.listing() == null) {
          throw new InvalidModelException(
              where, "re-dates '" + id + "', an entry it does not hold");
        }
        put.accept(id, SourceEntry.listed(old.listing(), time.longValueExact()));
        ids.add(id);
      }
    }
    return ids;
  }
}
