package com.gatewayz.modelpages.catalog;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Typed, bounded reads of untrusted JSON fields; every failure names the field's path. */
final class JsonFields {

  private JsonFields() {}

  static boolean isAbsent(JsonObject object, String name) {
    JsonValue value = object.get(name);
    return value == null || value.getValueType() == JsonValue.ValueType.NULL;
  }

  static String string(JsonObject object, String name, String path, int maxLength)
      throws InvalidModelException {
    if (isAbsent(object, name)) {
      return null;
    }
    JsonValue value = object.get(name);
    if (!(value instanceof JsonString text)) {
      throw new InvalidModelException(path + "." + name, "must be a string");
    }
    if (text.getString().length() > maxLength) {
      throw new InvalidModelException(path + "." + name, "is longer than " + maxLength + " characters");
    }
    return text.getString();
  }

  static Long wholeNumber(JsonObject object, String name, String path, long max)
      throws InvalidModelException {
    if (isAbsent(object, name)) {
      return null;
    }
    JsonValue value = object.get(name);
    if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
      throw new InvalidModelException(path + "." + name, "must be a whole number");
    }
    BigDecimal exact = number.bigDecimalValue();
    if (exact.signum() < 0 || exact.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw new InvalidModelException(path + "." + name, "must be between 0 and " + max);
    }
    return exact.longValueExact();
  }

  /** A price given as a decimal string ("0.000003") or a JSON number; null when absent. */
  static BigDecimal price(JsonObject object, String name, String path) throws InvalidModelException {
    BigDecimal price = decimal(object, name, path);
    String problem = price == null ? null : ListingBounds.priceProblem(price);
    if (problem != null) {
      throw new InvalidModelException(path + "." + name, problem);
    }
    return price;
  }

  /** A decimal string or a JSON number, not bounded; null when absent. */
  static BigDecimal decimal(JsonObject object, String name, String path)
      throws InvalidModelException {
    if (isAbsent(object, name)) {
      return null;
    }
    JsonValue value = object.get(name);
    if (value instanceof JsonNumber number) {
      return number.bigDecimalValue();
    }
    if (value instanceof JsonString text && text.getString().length() <= 64) {
      try {
        return new BigDecimal(text.getString().trim());
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw new InvalidModelException(
        path + "." + name, "must be a decimal number such as \"0.000003\"");
  }

  /** A whole number of any sign, for bounds applied later; null when absent or beyond a long. */
  static Long integer(JsonObject object, String name, String path) throws InvalidModelException {
    if (isAbsent(object, name)) {
      return null;
    }
    if (!(object.get(name) instanceof JsonNumber number) || !number.isIntegral()) {
      throw new InvalidModelException(path + "." + name, "must be a whole number");
    }
    try {
      return number.bigDecimalValue().longValueExact();
    } catch (ArithmeticException e) {
      return null;
    }
  }

  static JsonObject object(JsonObject object, String name, String path) throws InvalidModelException {
    if (isAbsent(object, name)) {
      return null;
    }
    JsonValue value = object.get(name);
    if (!(value instanceof JsonObject child)) {
      throw new InvalidModelException(path + "." + name, "must be an object");
    }
    return child;
  }

  static JsonArray array(JsonObject object, String name, String path, int maxItems)
      throws InvalidModelException {
    if (isAbsent(object, name)) {
      return null;
    }
    JsonValue value = object.get(name);
    if (!(value instanceof JsonArray array)) {
      throw new InvalidModelException(path + "." + name, "must be an array");
    }
    if (array.size() > maxItems) {
      throw new InvalidModelException(path + "." + name, "has more than " + maxItems + " items");
    }
    return array;
  }

  static List<String> strings(JsonObject object, String name, String path, int maxItems, int maxLength)
      throws InvalidModelException {
    JsonArray array = array(object, name, path, maxItems);
    if (array == null) {
      return null;
    }
    List<String> values = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      JsonValue item = array.get(i);
      String where = path + "." + name + "[" + i + "]";
      if (!(item instanceof JsonString text)) {
        throw new InvalidModelException(where, "must be a string");
      }
      if (text.getString().isEmpty() || text.getString().length() > maxLength) {
        throw new InvalidModelException(where, "must be 1 to " + maxLength + " characters");
      }
      values.add(text.getString());
    }
    return values;
  }
}
