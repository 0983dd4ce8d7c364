package com.gatewayz.modelpages.gateway.format;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Streams a list body with JSON-P: only one entry is ever held as a tree. Turns every JSON-P
 * failure into a {@link ListFormatException} (or the {@link IOException} underneath) and every
 * non-object entry into a skipped line.
 */
final class JsonLists {

  private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());

  /** Reads a whole body with a parser; may throw {@link ListFormatException} for a wrong shape. */
  interface BodyReader {
    void read(JsonParser parser) throws ListFormatException;
  }

  /** Receives one entry that is a JSON object; may throw a runtime exception to skip it. */
  interface EntryHandler {
    void accept(JsonObject entry);
  }

  private JsonLists() {}

  /** Runs {@code reader} over {@code body}, closing it, and maps JSON-P failures. */
  static void read(InputStream body, String gatewayId, BodyReader reader)
      throws ListFormatException, IOException {
    try (JsonParser parser = PARSERS.createParser(body)) {
      if (!parser.hasNext()) {
        throw new ListFormatException(gatewayId + "'s model list is empty.");
      }
      reader.read(parser);
    } catch (JsonParsingException e) {
      throw new ListFormatException(gatewayId + "'s model list is not valid JSON" + at(e), e);
    } catch (JsonException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new ListFormatException(gatewayId + "'s model list could not be read as JSON.", e);
    } catch (NoSuchElementException | IllegalStateException e) {
      throw new ListFormatException(gatewayId + "'s model list is malformed.", e);
    }
  }

  private static String at(JsonParsingException e) {
    JsonLocation location = e.getLocation();
    if (location == null) {
      return ".";
    }
    return " at line " + location.getLineNumber() + ", column " + location.getColumnNumber() + ".";
  }

  /**
   * Feeds each entry of a bare array, or of the {@code data} array of a top-level object, to {@code
   * handler}; other top-level fields are skipped unread.
   */
  static void forEachInDataOrArray(
      JsonParser parser, String gatewayId, ListCollector out, EntryHandler handler)
      throws ListFormatException {
    Event first = parser.next();
    if (first == Event.START_ARRAY) {
      forEachElement(parser, out, handler);
    } else if (first == Event.START_OBJECT) {
      seekData(parser, gatewayId);
      forEachElement(parser, out, handler);
    } else {
      throw new ListFormatException(
          gatewayId + "'s model list is " + describe(first) + ", not an array or an object.");
    }
  }

  /** Feeds each entry of a bare top-level array to {@code handler}. */
  static void forEachInArray(
      JsonParser parser, String gatewayId, ListCollector out, EntryHandler handler)
      throws ListFormatException {
    Event first = parser.next();
    if (first != Event.START_ARRAY) {
      throw new ListFormatException(
          gatewayId + "'s model list is " + describe(first) + ", not an array.");
    }
    forEachElement(parser, out, handler);
  }

  /** Receives one member of a top-level object whose value is an object. */
  interface MemberHandler {
    void accept(String key, JsonObject value);
  }

  /**
   * Feeds each member of a top-level object to {@code handler}, one value tree at a time; a member
   * that is not an object is skipped with a line naming it as a {@code what}.
   */
  static void forEachMember(
      JsonParser parser, String gatewayId, String what, ListCollector out, MemberHandler handler)
      throws ListFormatException {
    Event first = parser.next();
    if (first != Event.START_OBJECT) {
      throw new ListFormatException(
          gatewayId + "'s model list is " + describe(first) + ", not an object.");
    }
    for (Event event = parser.next(); event == Event.KEY_NAME; event = parser.next()) {
      String key = parser.getString();
      Event value = parser.next();
      if (value == Event.START_OBJECT) {
        handler.accept(key, parser.getObject());
      } else {
        skipValue(parser, value);
        out.skip(what + " " + Ids.quote(key), describe(value) + " where an object belongs");
      }
    }
  }

  // Leaves the parser just after the START_ARRAY of the "data" field.
  private static void seekData(JsonParser parser, String gatewayId) throws ListFormatException {
    Event event = parser.next();
    while (event == Event.KEY_NAME) {
      String key = parser.getString();
      Event value = parser.next();
      if (key.equals("data")) {
        if (value == Event.START_ARRAY) {
          return;
        }
        throw new ListFormatException(
            gatewayId + "'s model list has a 'data' field that is " + describe(value) + ".");
      }
      skipValue(parser, value);
      event = parser.next();
    }
    throw new ListFormatException(gatewayId + "'s model list is an object without a 'data' array.");
  }

  /** Feeds the elements up to the END_ARRAY of the array the parser is in. */
  static void forEachElement(JsonParser parser, ListCollector out, EntryHandler handler) {
    int position = 0;
    for (Event event = parser.next(); event != Event.END_ARRAY; event = parser.next()) {
      position++;
      if (event == Event.START_OBJECT) {
        accept(parser.getObject(), position, out, handler);
      } else {
        skipValue(parser, event);
        out.skipEntry(position, describe(event) + " where a model object belongs");
      }
    }
  }

  // A bug-shaped failure on one hostile entry must not lose the whole list.
  private static void accept(JsonObject entry, int position, ListCollector out, EntryHandler h) {
    try {
      h.accept(entry);
    } catch (RuntimeException e) {
      out.skipEntry(position, "it could not be read (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** Skips the value whose first event was {@code event}. */
  static void skipValue(JsonParser parser, Event event) {
    if (event == Event.START_OBJECT) {
      parser.skipObject();
    } else if (event == Event.START_ARRAY) {
      parser.skipArray();
    }
  }

  /** "a string", "an array", ... for messages. */
  static String describe(Event event) {
    return switch (event) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> "not a JSON value";
    };
  }
}
