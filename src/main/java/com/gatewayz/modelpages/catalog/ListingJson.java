package com.gatewayz.modelpages.catalog;

import com.gatewayz.modelpages.platform.JsonSupport;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.List;

/** The stored form of a {@link Listing}: the model JSON fields plus the listing-only ones. */
final class ListingJson {

  private ListingJson() {}

  static JsonObject write(Listing listing) {
    JsonObjectBuilder json =
        JsonSupport.JSON
            .createObjectBuilder()
            .add("id", listing.id())
            .add("gateway_model_id", listing.gatewayModelId())
            .add("name", listing.name())
            .add("provider_slug", listing.developer())
            .add("pricing", ModelJson.write(listing.pricing()))
            .add("supported_parameters", strings(listing.supportedParameters()));
    addIfPresent(json, "canonical_slug", listing.canonicalSlug());
    addIfPresent(json, "description", listing.description());
    addIfPresent(json, "provider", listing.provider());
    addIfPresent(json, "hugging_face_id", listing.huggingFaceId());
    addIfPresent(json, "context_length", listing.contextLength());
    addIfPresent(json, "max_completion_tokens", listing.maxCompletionTokens());
    addIfPresent(json, "created", listing.created());
    if (listing.architecture() != null) {
      json.add(
          "architecture",
          JsonSupport.JSON
              .createObjectBuilder()
              .add("input_modalities", strings(listing.architecture().inputModalities()))
              .add("output_modalities", strings(listing.architecture().outputModalities())));
    }
    return json.build();
  }

  /**
   * Reads a stored listing: types are checked (a wrong one fails naming the field), bounds are not:
   * the {@link Listing} constructor applies them, as it did when the listing was first accepted.
   */
  static Listing read(JsonObject json, String path) throws InvalidModelException {
    String id = text(json, "id", path);
    if (id == null || !ModelId.isValid(id)) {
      throw new InvalidModelException(path + ".id", "is not a valid model id");
    }
    JsonObject pricing = ModelJson.FIELDS.object(json, "pricing", path);
    JsonObject architecture = ModelJson.FIELDS.object(json, "architecture", path);
    return new Listing(
        id,
        text(json, "gateway_model_id", path),
        text(json, "canonical_slug", path),
        text(json, "name", path),
        text(json, "provider_slug", path),
        text(json, "description", path),
        ModelJson.FIELDS.integer(json, "context_length", path),
        ModelJson.FIELDS.integer(json, "max_completion_tokens", path),
        pricing == null
            ? Pricing.UNKNOWN
            : new Pricing(
                ModelJson.FIELDS.decimal(pricing, "prompt", path + ".pricing"),
                ModelJson.FIELDS.decimal(pricing, "completion", path + ".pricing")),
        architecture == null
            ? null
            : new Architecture(
                strings(architecture, "input_modalities", path + ".architecture"),
                strings(architecture, "output_modalities", path + ".architecture")),
        strings(json, "supported_parameters", path),
        ModelJson.FIELDS.integer(json, "created", path),
        text(json, "provider", path),
        text(json, "hugging_face_id", path));
  }

  private static String text(JsonObject json, String name, String path)
      throws InvalidModelException {
    return ModelJson.FIELDS.string(json, name, path, Integer.MAX_VALUE);
  }

  private static List<String> strings(JsonObject json, String name, String path)
      throws InvalidModelException {
    JsonArray array = ModelJson.FIELDS.array(json, name, path, Integer.MAX_VALUE);
    List<String> values = new ArrayList<>();
    for (int i = 0; array != null && i < array.size(); i++) {
      if (!(array.get(i) instanceof JsonString item)) {
        throw new InvalidModelException(path + "." + name + "[" + i + "]", "must be a string");
      }
      values.add(item.getString());
    }
    return values;
  }

  private static void addIfPresent(JsonObjectBuilder json, String name, String value) {
    if (value != null) {
      json.add(name, value);
    }
  }

  private static void addIfPresent(JsonObjectBuilder json, String name, Long value) {
    if (value != null) {
      json.add(name, value);
    }
  }

  private static JsonArrayBuilder strings(List<String> values) {
    JsonArrayBuilder array = JsonSupport.JSON.createArrayBuilder();
    values.forEach(array::add);
    return array;
  }
}
