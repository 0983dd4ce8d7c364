package com.gatewayz.modelpages.catalog;

import com.gatewayz.modelpages.platform.JsonSupport;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/** The stored form of a {@link Listing}: the model JSON fields plus the listing-only ones. */
final class ListingJson {

  private ListingJson() {}

  static JsonObject write(Listing listing) {
    JsonObjectBuilder json =
        JsonSupport.JSON.createObjectBuilder()
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
          JsonSupport.JSON.createObjectBuilder()
              .add("input_modalities", strings(listing.architecture().inputModalities()))
              .add("output_modalities", strings(listing.architecture().outputModalities())));
    }
    return json.build();
  }

  static Listing read(JsonObject json, String path) throws InvalidModelException {
    Model model = ModelJson.read(json, path);
    return new Listing(
        model.id(),
        java.util.Objects.requireNonNullElse(JsonFields.string(json, "gateway_model_id", path, 1024), model.id()),
        JsonFields.string(json, "canonical_slug", path, 1024),
        model.name(),
        model.developer(),
        JsonFields.string(json, "description", path, ModelJson.MAX_DESCRIPTION),
        JsonFields.wholeNumber(json, "context_length", path, ModelJson.MAX_CONTEXT),
        JsonFields.wholeNumber(json, "max_completion_tokens", path, ModelJson.MAX_CONTEXT),
        model.pricing(),
        JsonFields.isAbsent(json, "architecture") ? null : model.architecture(),
        model.supportedParameters(),
        model.created(),
        JsonFields.string(json, "provider", path, 64),
        huggingFaceId(JsonFields.string(json, "hugging_face_id", path, 256)));
  }

  // Added after the first stored catalogs: absent in them, and an invalid one is dropped, not fatal.
  private static String huggingFaceId(String stored) {
    return Listing.isRepoId(stored) ? stored : null;
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
