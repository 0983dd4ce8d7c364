package com.gatewayz.modelpages.gateway;

import com.gatewayz.modelpages.gateway.format.ListFormats;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reads and checks one entry of the registry file; every failure names the entry and the field. */
final class RegistryEntry {

  static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
  private static final Pattern ENV = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
  private static final List<String> FIELDS =
      List.of(
          "id",
          "displayName",
          "listUrl",
          "format",
          "apiKeyEnv",
          "priority",
          "order",
          "enabled",
          "aliases",
          "deprecated");

  private final String where;
  private final JsonObject json;

  private RegistryEntry(String where, JsonObject json) {
    this.where = where;
    this.json = json;
  }

  /** The gateway described by {@code value}, the {@code index}-th entry of {@code source}. */
  static Gateway read(String source, int index, JsonValue value) {
    String where = source + ": gateways[" + index + "]";
    if (!(value instanceof JsonObject object)) {
      throw new GatewayRegistryException(
          where + ": expected an object, got " + value.getValueType());
    }
    if (object.get("id") instanceof JsonString id) {
      where += " (\"" + id.getString() + "\")";
    }
    return new RegistryEntry(where, object).toGateway();
  }

  private Gateway toGateway() {
    for (String key : json.keySet()) {
      if (!FIELDS.contains(key)) {
        throw fail(key, "unknown field; known fields: " + String.join(", ", FIELDS));
      }
    }
    return new Gateway(
        matching("id", requiredString("id"), ID, "a lower-case id such as \"groq\""),
        requiredString("displayName"),
        listUrl(),
        format(),
        apiKeyEnv(),
        priority(),
        order(),
        bool("enabled", true),
        aliases(),
        bool("deprecated", false));
  }

  private URI listUrl() {
    String text = requiredString("listUrl");
    String expected = "expected an absolute https:, http: or file: URL, got \"" + text + "\"";
    return ListUrls.parse(text).orElseThrow(() -> fail("listUrl", expected));
  }

  private String format() {
    String name = requiredString("format");
    if (!ListFormats.names().contains(name)) {
      throw fail("format", "expected one of " + ListFormats.names() + ", got \"" + name + "\"");
    }
    return name;
  }

  private String apiKeyEnv() {
    JsonValue value = json.get("apiKeyEnv");
    if (value == null || value == JsonValue.NULL) {
      return null;
    }
    return matching(
        "apiKeyEnv", string("apiKeyEnv", value), ENV, "an environment variable name or null");
  }

  private Gateway.Priority priority() {
    String text = requiredString("priority");
    return switch (text) {
      case "fast" -> Gateway.Priority.FAST;
      case "slow" -> Gateway.Priority.SLOW;
      default -> throw fail("priority", "expected \"fast\" or \"slow\", got \"" + text + "\"");
    };
  }

  private int order() {
    JsonValue value = json.get("order");
    if (!(value instanceof JsonNumber number)
        || !number.isIntegral()
        || number.longValue() < 0
        || number.longValue() > 1_000_000) {
      throw fail("order", "expected a whole number from 0 to 1000000, got " + value);
    }
    return number.intValue();
  }

  private boolean bool(String field, boolean fallback) {
    JsonValue value = json.get(field);
    if (value == null) {
      return fallback;
    }
    if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
      throw fail(field, "expected true or false, got " + value);
    }
    return value == JsonValue.TRUE;
  }

  private List<String> aliases() {
    JsonValue value = json.get("aliases");
    if (value == null || value == JsonValue.NULL) {
      return List.of();
    }
    if (value.getValueType() != JsonValue.ValueType.ARRAY) {
      throw fail("aliases", "expected an array of ids, got " + value);
    }
    List<String> aliases = new ArrayList<>();
    for (JsonValue alias : value.asJsonArray()) {
      aliases.add(matching("aliases", string("aliases", alias), ID, "lower-case ids"));
    }
    return aliases;
  }

  private String requiredString(String field) {
    JsonValue value = json.get(field);
    if (value == null || value == JsonValue.NULL) {
      throw fail(field, "missing");
    }
    String text = string(field, value);
    if (text.isBlank()) {
      throw fail(field, "must not be blank");
    }
    return text;
  }

  private String string(String field, JsonValue value) {
    if (!(value instanceof JsonString text)) {
      throw fail(
          field,
          "expected a string, got " + value.getValueType().toString().toLowerCase(Locale.ROOT));
    }
    return text.getString();
  }

  private String matching(String field, String text, Pattern pattern, String expected) {
    if (!pattern.matcher(text).matches()) {
      throw fail(field, "expected " + expected + ", got \"" + text + "\"");
    }
    return text;
  }

  private GatewayRegistryException fail(String field, String problem) {
    return new GatewayRegistryException(where + ": field \"" + field + "\": " + problem);
  }
}
