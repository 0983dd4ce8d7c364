package com.gatewayz.modelpages.platform;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The one reader of fields of untrusted JSON objects, typed and bounded, in two modes. {@link
 * #LENIENT} (gateway lists): a value of the wrong type or out of bounds reads as absent (null), and
 * nothing is thrown. {@link #strict strict} (webhooks, the stored catalog): the same value is
 * refused with the caller's exception, naming the field's path and the problem. An absent field, a
 * JSON {@code null} and a null object read as absent in both modes. Immutable and thread-safe.
 *
 * @param <E> what a strict reader throws; a lenient one throws nothing
 */
public final class JsonFieldReader<E extends Exception> {

  /** Makes the exception a strict reader throws for {@code field} ({@code models[3].name}). */
  @FunctionalInterface
  public interface Refusal<E extends Exception> {
    E refuse(String field, String problem);
  }

  /** Odd values read as absent. */
  public static final JsonFieldReader<RuntimeException> LENIENT = new JsonFieldReader<>(null);

  private static final int MAX_DECIMAL_TEXT = 64;

  private final Refusal<E> refusal;

  private JsonFieldReader(Refusal<E> refusal) {
    this.refusal = refusal;
  }

  /** A reader that refuses odd values with {@code refusal}. */
  public static <E extends Exception> JsonFieldReader<E> strict(Refusal<E> refusal) {
    return new JsonFieldReader<>(java.util.Objects.requireNonNull(refusal, "refusal"));
  }

  /** True when {@code object} is null or has no {@code name}, or it is JSON {@code null}. */
  public static boolean isAbsent(JsonObject object, String name) {
    JsonValue value = object == null ? null : object.get(name);
    return value == null || value.getValueType() == JsonValue.ValueType.NULL;
  }

  /** A string of at most {@code maxLength} characters. */
  public String string(JsonObject object, String name, String path, int maxLength) throws E {
    if (isAbsent(object, name)) {
      return null;
    }
    if (!(object.get(name) instanceof JsonString text)) {
      return odd(path, name, "must be a string");
    }
    if (text.getString().length() > maxLength) {
      return odd(path, name, "is longer than " + maxLength + " characters");
    }
    return text.getString();
  }

  public JsonObject object(JsonObject object, String name, String path) throws E {
    if (isAbsent(object, name)) {
      return null;
    }
    return object.get(name) instanceof JsonObject child
        ? child
        : odd(path, name, "must be an object");
  }

  /** An array of at most {@code maxItems} items. */
  public JsonArray array(JsonObject object, String name, String path, int maxItems) throws E {
    if (isAbsent(object, name)) {
      return null;
    }
    if (!(object.get(name) instanceof JsonArray array)) {
      return odd(path, name, "must be an array");
    }
    if (array.size() > maxItems) {
      return odd(path, name, "has more than " + maxItems + " items");
    }
    return array;
  }

  /**
   * A whole number from {@code min} to {@code max}. Strict takes the number as written ({@code
   * 8192.0} is not whole); lenient takes its value ({@code 8192.0} is 8192), as gateways write it.
   */
  public Long wholeNumber(JsonObject object, String name, String path, long min, long max)
      throws E {
    if (isAbsent(object, name)) {
      return null;
    }
    if (!(object.get(name) instanceof JsonNumber number) || (isStrict() && !number.isIntegral())) {
      return odd(path, name, "must be a whole number");
    }
    BigDecimal exact = number.bigDecimalValue();
    if (exact.compareTo(BigDecimal.valueOf(min)) < 0
        || exact.compareTo(BigDecimal.valueOf(max)) > 0) {
      return odd(path, name, "must be between " + min + " and " + max);
    }
    BigDecimal whole = exact.stripTrailingZeros();
    return whole.scale() <= 0 ? whole.longValueExact() : odd(path, name, "must be a whole number");
  }

  /** A whole number of any sign, for bounds applied later; null (no refusal) beyond a long. */
  public Long integer(JsonObject object, String name, String path) throws E {
    if (isAbsent(object, name)) {
      return null;
    }
    if (!(object.get(name) instanceof JsonNumber number) || !number.isIntegral()) {
      return odd(path, name, "must be a whole number");
    }
    try {
      return number.bigDecimalValue().longValueExact();
    } catch (ArithmeticException e) {
      return null;
    }
  }

  /** A decimal string ({@code "0.000003"}, at most 64 characters) or a JSON number, unbounded. */
  public BigDecimal decimal(JsonObject object, String name, String path) throws E {
    if (isAbsent(object, name)) {
      return null;
    }
    JsonValue value = object.get(name);
    if (value instanceof JsonNumber number) {
      return number.bigDecimalValue();
    }
    if (value instanceof JsonString text && text.getString().length() <= MAX_DECIMAL_TEXT) {
      try {
        return new BigDecimal(text.getString().trim());
      } catch (NumberFormatException e) {
        // refused below
      }
    }
    return odd(path, name, "must be a decimal number such as \"0.000003\"");
  }

  /**
   * The strings of an array of at most {@code maxItems}, each 1 to {@code maxLength} characters;
   * lenient leaves an odd item out, strict refuses it ({@code path.name[i]}).
   */
  public List<String> strings(
      JsonObject object, String name, String path, int maxItems, int maxLength) throws E {
    JsonArray array = array(object, name, path, maxItems);
    if (array == null) {
      return null;
    }
    List<String> values = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      String item = array.get(i) instanceof JsonString text ? text.getString() : null;
      String where = name + "[" + i + "]";
      if (item == null) {
        odd(path, where, "must be a string");
      } else if (item.isEmpty() || item.length() > maxLength) {
        odd(path, where, "must be 1 to " + maxLength + " characters");
      } else {
        values.add(item);
      }
    }
    return values;
  }

  private boolean isStrict() {
    return refusal != null;
  }

  // Lenient: absent. Strict: the refusal, naming path.name (or name alone without a path).
  private <T> T odd(String path, String name, String problem) throws E {
    if (refusal == null) {
      return null;
    }
    throw refusal.refuse(path == null || path.isEmpty() ? name : path + "." + name, problem);
  }
}
