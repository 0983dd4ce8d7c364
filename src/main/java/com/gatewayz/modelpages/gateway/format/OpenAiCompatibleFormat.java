package com.gatewayz.modelpages.gateway.format;

import com.gatewayz.modelpages.catalog.Listing;
import com.gatewayz.modelpages.catalog.Pricing;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonParser;

/**
 * An OpenAI-compatible {@code GET /v1/models} (Groq, xAI, Fireworks, DeepInfra, Cerebras, ...):
 * {@code {"object":"list","data":[...]}}. No prices ({@link Pricing#UNKNOWN}); entries with {@code
 * "active": false} are left out silently; an id without {@code /} gets the {@code owned_by} slug
 * (else the gateway id) as its developer segment; the name is the id's last segment unless the
 * entry has one.
 */
final class OpenAiCompatibleFormat implements ListFormat {

  @Override
  public void readEntries(JsonParser parser, String gatewayId, ListCollector out)
      throws ListFormatException {
    JsonLists.forEachInDataOrArray(parser, gatewayId, out, e -> add(e, gatewayId, out));
  }

  private static void add(JsonObject entry, String gatewayId, ListCollector out) {
    if (Fields.isFalse(entry, "active")) {
      return;
    }
    String rawId = Fields.string(entry, "id");
    if (!out.checkId(rawId)) {
      return;
    }
    String id = Ids.withPrefix(rawId, Ids.ownerSlug(Fields.string(entry, "owned_by"), gatewayId));
    if (!out.checkId(id)) {
      return;
    }
    out.add(
        Listing.builder(id)
            .gatewayModelId(rawId)
            .name(name(entry, rawId))
            .description(Fields.text(entry, "description", Fields.MAX_DESCRIPTION))
            .contextLength(context(entry))
            .maxCompletionTokens(Fields.tokens(entry, "max_completion_tokens"))
            .pricing(Pricing.UNKNOWN)
            .created(Fields.epochSeconds(entry, "created"))
            .build());
  }

  private static String name(JsonObject entry, String rawId) {
    String name = Fields.text(entry, "name", Fields.MAX_NAME);
    return name != null ? name : Ids.lastSegment(rawId);
  }

  // Groq says context_window; DeepInfra, Fireworks and others say context_length.
  private static Long context(JsonObject entry) {
    Long window = Fields.tokens(entry, "context_window");
    return window != null ? window : Fields.tokens(entry, "context_length");
  }
}
