package com.gatewayz.modelpages.catalog;

import com.gatewayz.modelpages.platform.JsonSupport;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a stored snapshot as a stream: one source entry at a time becomes a {@link SourceEntry}, so
 * a catalog of 100,000 models loads without the whole document as a JSON tree (or as one string) in
 * memory. The small parts (format, seq, retired, statuses, pins) are read as values and handed to
 * {@link CatalogStateJson}, which keeps the meaning of every field and format. Bytes that are not
 * UTF-8 fail, as {@link StoredJson} does.
 */
final class SnapshotReader {

  /** What the stream held: the state, and the document without its sources. */
  record Read(CatalogState state, jakarta.json.JsonObject head) {}

  private SnapshotReader() {}

  /**
   * @throws java.nio.charset.CharacterCodingException when the bytes are not UTF-8
   * @throws InvalidModelException when the document is not a catalog state of a known format
   * @throws jakarta.json.JsonException when it is not JSON
   */
  static Read read(Path path, String origin) throws IOException, InvalidModelException {
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try (BufferedReader text =
            new BufferedReader(
                new InputStreamReader(Files.newInputStream(path), decoder), 1 << 16);
        JsonParser parser = JsonSupport.JSON.createParser(text)) {
      return read(parser, origin);
    } catch (jakarta.json.JsonException e) {
      // The parser wraps the decoder's refusal of bytes that are not UTF-8.
      if (e.getCause() instanceof java.nio.charset.CharacterCodingException notUtf8) {
        throw notUtf8;
      }
      throw e;
    }
  }

  private static Read read(JsonParser parser, String origin) throws InvalidModelException {
    if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
      throw new InvalidModelException(origin, "must be a JSON object");
    }
    JsonObjectBuilder head = JsonSupport.JSON.createObjectBuilder();
    Map<String, Map<String, SourceEntry>> sources = null;
    while (parser.next() == JsonParser.Event.KEY_NAME) {
      String name = parser.getString();
      parser.next();
      if (name.equals("sources") && parser.currentEvent() == JsonParser.Event.START_OBJECT) {
        sources = sources(parser, origin);
      } else {
        head.add(name, parser.getValue());
      }
    }
    head.add("sources", JsonValue.EMPTY_JSON_OBJECT);
    jakarta.json.JsonObject small = head.build();
    CatalogStateJson.format(small);
    if (sources == null) {
      throw new InvalidModelException("sources", "must be an object");
    }
    CatalogState rest = CatalogStateJson.read(small, origin);
    return new Read(
        new CatalogState(sources, rest.retired(), rest.gatewayStatus(), rest.canonicalIds()),
        small);
  }

  private static Map<String, Map<String, SourceEntry>> sources(JsonParser parser, String origin)
      throws InvalidModelException {
    Map<String, Map<String, SourceEntry>> sources = new LinkedHashMap<>();
    while (parser.next() == JsonParser.Event.KEY_NAME) {
      String gateway = parser.getString();
      String where = origin + " sources." + gateway;
      if (parser.next() != JsonParser.Event.START_ARRAY) {
        throw new InvalidModelException(where, "must be an array");
      }
      Map<String, SourceEntry> entries = new LinkedHashMap<>();
      for (int i = 0; parser.next() != JsonParser.Event.END_ARRAY; i++) {
        CatalogStateJson.putEntry(entries, parser.getValue(), where + "[" + i + "]");
      }
      sources.put(gateway, entries);
    }
    return sources;
  }
}
