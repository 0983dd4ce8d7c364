package com.gatewayz.modelpages.gateway.format;

import com.gatewayz.modelpages.catalog.Architecture;
import com.gatewayz.modelpages.catalog.Listing;
import com.gatewayz.modelpages.catalog.ModelId;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonParser;

/**
 * OpenRouter's {@code GET /api/v1/models}: {@code {"data":[...]}} or a bare array. Prices are USD
 * per token as strings, {@code "-1"} (variable, routers) kept as -1; the developer is the first id
 * segment without {@code ~}; the name loses its "Developer: " prefix; {@code hugging_face_id} is
 * kept when it is an {@code org/name} repo id.
 */
final class OpenRouterFormat implements ListFormat {

  // "AI21: Jamba Large 1.7": a longer head before ": " is part of the name, not a developer.
  private static final int MAX_PREFIX = 40;

  @Override
  public void readEntries(JsonParser parser, String gatewayId, ListCollector out)
      throws ListFormatException {
    JsonLists.forEachInDataOrArray(parser, gatewayId, out, e -> add(e, out));
  }

  private static void add(JsonObject entry, ListCollector out) {
    String id = Fields.string(entry, "id");
    if (!out.checkId(id)) {
      return;
    }
    JsonObject topProvider = Fields.object(entry, "top_provider");
    out.add(
        Listing.builder(id)
            .gatewayModelId(id)
            .canonicalSlug(canonicalSlug(entry))
            .name(name(entry, id))
            .description(Fields.text(entry, "description", Fields.MAX_DESCRIPTION))
            .contextLength(context(entry, topProvider))
            .maxCompletionTokens(Fields.tokens(topProvider, "max_completion_tokens"))
            .pricing(Prices.perToken(Fields.object(entry, "pricing"), "prompt", "completion"))
            .architecture(architecture(Fields.object(entry, "architecture")))
            .supportedParameters(Fields.strings(Fields.array(entry, "supported_parameters")))
            .created(Fields.epochSeconds(entry, "created"))
            .huggingFaceId(huggingFaceId(entry))
            .build());
  }

  // "" for models that are not on Hugging Face; anything not shaped org/name is ignored.
  private static String huggingFaceId(JsonObject entry) {
    String repo = Fields.string(entry, "hugging_face_id");
    return Listing.isRepoId(repo) ? repo : null;
  }

  private static String canonicalSlug(JsonObject entry) {
    String slug = Fields.string(entry, "canonical_slug");
    return slug != null && ModelId.isValid(slug) ? slug : null;
  }

  private static Long context(JsonObject entry, JsonObject topProvider) {
    Long context = Fields.tokens(entry, "context_length");
    return context != null ? context : Fields.tokens(topProvider, "context_length");
  }

  static String name(JsonObject entry, String id) {
    String name = Fields.text(entry, "name", Integer.MAX_VALUE);
    if (name == null) {
      return Ids.lastSegment(id);
    }
    int colon = name.indexOf(": ");
    if (colon > 0 && colon <= MAX_PREFIX && !name.substring(colon + 2).isBlank()) {
      name = name.substring(colon + 2).strip();
    }
    return Fields.truncate(name, Fields.MAX_NAME);
  }

  private static Architecture architecture(JsonObject architecture) {
    if (architecture == null) {
      return null;
    }
    return new Architecture(
        Fields.lowerCaseStrings(Fields.array(architecture, "input_modalities")),
        Fields.lowerCaseStrings(Fields.array(architecture, "output_modalities")));
  }
}
