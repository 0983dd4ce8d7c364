package com.gatewayz.modelpages.gateway.format;

import com.gatewayz.modelpages.catalog.Architecture;
import com.gatewayz.modelpages.catalog.Listing;
import com.gatewayz.modelpages.catalog.ModelId;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * models.dev's {@code api.json}: provider id → provider with a {@code models} object. Streamed one
 * provider at a time. One model per (provider, model), with {@link Listing#provider()} set; an id
 * without {@code /} becomes {@code provider/id}. Costs are USD per million tokens, divided exactly;
 * {@code created} is the release date at UTC midnight; supported parameters are derived from {@code
 * tool_call}, {@code reasoning} and {@code temperature}. Duplicates are per provider.
 */
final class ModelsDevFormat implements ListFormat {

  @Override
  public void readEntries(JsonParser parser, String gatewayId, ListCollector out)
      throws ListFormatException {
    JsonLists.forEachMember(
        parser, gatewayId, "provider", out, (id, p) -> addProvider(id, p, gatewayId, out));
  }

  private static void addProvider(
      String providerId, JsonObject provider, String gatewayId, ListCollector out) {
    if (!ModelId.isValid(providerId) || providerId.indexOf('/') >= 0) {
      out.skip("provider " + Ids.quote(providerId), "not a valid provider id");
      return;
    }
    JsonObject models = Fields.object(provider, "models");
    if (models == null) {
      out.skip("provider " + Ids.quote(providerId), "it has no models object");
      return;
    }
    out.source(gatewayId + " provider " + providerId);
    for (Map.Entry<String, JsonValue> model : models.entrySet()) {
      addModel(providerId, model.getKey(), model.getValue(), out);
    }
    out.source(gatewayId);
  }

  // A bug-shaped failure on one hostile entry must not lose the whole list.
  private static void addModel(String providerId, String key, JsonValue value, ListCollector out) {
    if (!(value instanceof JsonObject model)) {
      out.skip(Ids.quote(key), describe(value) + " where a model object belongs");
      return;
    }
    try {
      addModel(providerId, key, model, out);
    } catch (RuntimeException e) {
      out.skip(Ids.quote(key), "it could not be read (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static void addModel(String providerId, String key, JsonObject model, ListCollector out) {
    String rawId = Objects.requireNonNullElse(Fields.string(model, "id"), key);
    if (!out.checkId(rawId)) {
      return;
    }
    String id = Ids.withPrefix(rawId, providerId);
    if (!out.checkId(id)) {
      return;
    }
    JsonObject limit = Fields.object(model, "limit");
    Listing listed =
        Listing.builder(id)
            .gatewayModelId(rawId)
            .name(name(model, rawId))
            .contextLength(Fields.tokens(limit, "context"))
            .maxCompletionTokens(Fields.tokens(limit, "output"))
            .pricing(Prices.perMillion(Fields.object(model, "cost"), "input", "output"))
            .architecture(architecture(Fields.object(model, "modalities")))
            .supportedParameters(supportedParameters(model))
            .created(releaseDate(Fields.string(model, "release_date")))
            .provider(providerId)
            .build();
    out.add(listed, providerId + " " + id);
  }

  private static String describe(JsonValue value) {
    return switch (value.getValueType()) {
      case ARRAY -> "an array";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case TRUE, FALSE -> "a boolean";
      case NULL -> "null";
      default -> "an object";
    };
  }

  private static String name(JsonObject model, String rawId) {
    String name = Fields.text(model, "name", Fields.MAX_NAME);
    return name != null ? name : Ids.lastSegment(rawId);
  }

  private static List<String> supportedParameters(JsonObject model) {
    List<String> parameters = new ArrayList<>(3);
    if (Fields.isTrue(model, "tool_call")) {
      parameters.add("tools");
    }
    if (Fields.isTrue(model, "reasoning")) {
      parameters.add("reasoning");
    }
    if (Fields.isTrue(model, "temperature")) {
      parameters.add("temperature");
    }
    return parameters;
  }

  private static Architecture architecture(JsonObject modalities) {
    if (modalities == null) {
      return null;
    }
    return new Architecture(
        catalogModalities(Fields.lowerCaseStrings(Fields.array(modalities, "input"))),
        catalogModalities(Fields.lowerCaseStrings(Fields.array(modalities, "output"))));
  }

  // models.dev says "pdf" where the catalog (after OpenRouter) says "file".
  private static List<String> catalogModalities(List<String> modalities) {
    Set<String> out = new LinkedHashSet<>();
    for (String modality : modalities) {
      out.add(modality.equals("pdf") ? "file" : modality);
    }
    return new ArrayList<>(out);
  }

  /** "2024-05-13" or "2024-05" (the first of the month) at UTC midnight; else null. */
  static Long releaseDate(String date) {
    if (date == null || date.length() > 10) {
      return null;
    }
    try {
      LocalDate day = date.length() == 7 ? YearMonth.parse(date).atDay(1) : LocalDate.parse(date);
      long seconds = day.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
      return seconds > 0 ? seconds : null;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
