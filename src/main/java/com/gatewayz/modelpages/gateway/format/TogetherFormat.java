package com.gatewayz.modelpages.gateway.format;

import com.gatewayz.modelpages.catalog.Listing;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.util.Locale;
import java.util.Set;

/**
 * Together's {@code GET /v1/models}: a bare array. Prices are USD per million tokens as numbers,
 * divided exactly by 1,000,000. Only language models are kept ({@code type} chat, language, code or
 * none); image, embedding, rerank, moderation and audio models are left out silently. Ids keep
 * their case; an id without {@code /} gets the {@code organization} slug (else the gateway id) as
 * its developer segment.
 */
final class TogetherFormat implements ListFormat {

  private static final Set<String> LANGUAGE_TYPES = Set.of("chat", "language", "code");

  @Override
  public void readEntries(JsonParser parser, String gatewayId, ListCollector out)
      throws ListFormatException {
    JsonLists.forEachInArray(parser, gatewayId, out, e -> add(e, gatewayId, out));
  }

  private static void add(JsonObject entry, String gatewayId, ListCollector out) {
    if (!isLanguageModel(entry)) {
      return;
    }
    String rawId = Fields.string(entry, "id");
    if (!out.checkId(rawId)) {
      return;
    }
    String owner = Fields.string(entry, "organization");
    String id = Ids.withPrefix(rawId, Ids.ownerSlug(owner, gatewayId));
    if (!out.checkId(id)) {
      return;
    }
    out.add(
        Listing.builder(id)
            .gatewayModelId(rawId)
            .name(name(entry, rawId))
            .description(Fields.text(entry, "description", Fields.MAX_DESCRIPTION))
            .contextLength(Fields.tokens(entry, "context_length"))
            .pricing(Prices.perMillion(Fields.object(entry, "pricing"), "input", "output"))
            .created(Fields.epochSeconds(entry, "created"))
            .build());
  }

  private static boolean isLanguageModel(JsonObject entry) {
    JsonValue type = entry.get("type");
    if (type == null || type == JsonValue.NULL) {
      return true;
    }
    return type instanceof JsonString string
        && LANGUAGE_TYPES.contains(string.getString().toLowerCase(Locale.ROOT));
  }

  private static String name(JsonObject entry, String rawId) {
    String name = Fields.text(entry, "display_name", Fields.MAX_NAME);
    return name != null ? name : Ids.lastSegment(rawId);
  }
}
