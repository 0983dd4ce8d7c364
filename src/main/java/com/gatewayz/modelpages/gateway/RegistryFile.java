package com.gatewayz.modelpages.gateway;

import com.gatewayz.modelpages.platform.JsonSupport;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the registry file: {@code {"comment": "...", "gateways": [ {...}, ... ]}}. Checks every
 * entry and that ids, aliases and merge orders are unique.
 */
final class RegistryFile {

  private static final Set<String> TOP_LEVEL = Set.of("comment", "gateways");

  private RegistryFile() {}

  /** The gateways of {@code in}, in file order; {@code source} names the file in messages. */
  static List<Gateway> read(InputStream in, String source) {
    JsonObject root = root(in, source);
    List<Gateway> gateways = new ArrayList<>();
    List<JsonValue> entries = root.getJsonArray("gateways");
    for (int i = 0; i < entries.size(); i++) {
      gateways.add(RegistryEntry.read(source, i, entries.get(i)));
    }
    checkUnique(gateways, source);
    return gateways;
  }

  private static JsonObject root(InputStream in, String source) {
    JsonValue value;
    try (JsonReader reader = JsonSupport.JSON.createReader(in)) {
      value = reader.readValue();
    } catch (JsonException e) {
      throw new GatewayRegistryException(source + ": not valid JSON: " + e.getMessage(), e);
    }
    if (!(value instanceof JsonObject root)
        || root.get("gateways") == null
        || root.get("gateways").getValueType() != JsonValue.ValueType.ARRAY) {
      throw new GatewayRegistryException(source + ": expected an object with a \"gateways\" array");
    }
    for (String key : root.keySet()) {
      if (!TOP_LEVEL.contains(key)) {
        throw new GatewayRegistryException(source + ": unknown top-level field \"" + key + "\"");
      }
    }
    return root;
  }

  private static void checkUnique(List<Gateway> gateways, String source) {
    Map<String, String> names = new HashMap<>();
    Map<Integer, String> orders = new HashMap<>();
    for (Gateway gateway : gateways) {
      claim(names, gateway.id(), gateway, "id", source);
      gateway.aliases().forEach(alias -> claim(names, alias, gateway, "aliases", source));
      String before = orders.putIfAbsent(gateway.order(), gateway.id());
      if (before != null) {
        throw new GatewayRegistryException(
            source
                + ": gateway \""
                + gateway.id()
                + "\": field \"order\": "
                + gateway.order()
                + " is already the order of \""
                + before
                + "\"");
      }
    }
  }

  private static void claim(
      Map<String, String> names, String name, Gateway gateway, String field, String source) {
    String before = names.putIfAbsent(name, gateway.id());
    if (before != null) {
      throw new GatewayRegistryException(
          source
              + ": gateway \""
              + gateway.id()
              + "\": field \""
              + field
              + "\": \""
              + name
              + "\" is already used by \""
              + before
              + "\"");
    }
  }
}
