package com.gatewayz.modelpages.gateway.format;

import com.gatewayz.modelpages.catalog.ListingBounds;
import com.gatewayz.modelpages.platform.JsonFieldReader;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The list formats' reads of untrusted JSON fields, on the {@link JsonFieldReader#LENIENT} reader:
 * a field of the wrong type or out of bounds reads as absent, and nothing throws. Every method
 * accepts a null object and then returns null (or an empty list).
 */
final class Fields {

  // The catalog's bounds: whatever a list gives is kept as it is, and loads again after a restart.
  static final int MAX_NAME = ListingBounds.MAX_NAME;
  static final int MAX_DESCRIPTION = ListingBounds.MAX_DESCRIPTION;
  static final long MAX_TOKENS = ListingBounds.MAX_TOKENS;
  static final long MAX_EPOCH_SECONDS = ListingBounds.MAX_CREATED;

  private static final int MAX_LIST_ITEMS = ListingBounds.MAX_LIST_ITEMS;
  private static final int MAX_LIST_ITEM_LENGTH = ListingBounds.MAX_LIST_ITEM;

  private Fields() {}

  private static final JsonFieldReader<RuntimeException> READER = JsonFieldReader.LENIENT;

  static String string(JsonObject object, String key) {
    return READER.string(object, key, null, Integer.MAX_VALUE);
  }

  /** A string field, stripped and cut to {@code max} characters; null when absent or blank. */
  static String text(JsonObject object, String key, int max) {
    String value = string(object, key);
    if (value == null || value.isBlank()) {
      return null;
    }
    return truncate(value.strip(), max);
  }

  static JsonObject object(JsonObject object, String key) {
    return READER.object(object, key, null);
  }

  static JsonArray array(JsonObject object, String key) {
    return READER.array(object, key, null, Integer.MAX_VALUE);
  }

  static boolean isTrue(JsonObject object, String key) {
    return object != null && object.get(key) == JsonValue.TRUE;
  }

  static boolean isFalse(JsonObject object, String key) {
    return object != null && object.get(key) == JsonValue.FALSE;
  }

  /** A token count: a whole number from 1 to {@value #MAX_TOKENS}, else null. */
  static Long tokens(JsonObject object, String key) {
    return wholeNumber(object, key, MAX_TOKENS);
  }

  /** Epoch seconds: a whole number from 1 to the year 3000, else null. */
  static Long epochSeconds(JsonObject object, String key) {
    return wholeNumber(object, key, MAX_EPOCH_SECONDS);
  }

  private static Long wholeNumber(JsonObject object, String key, long max) {
    return READER.wholeNumber(object, key, null, 1, max);
  }

  /**
   * The distinct non-blank strings of an array, each at most 64 characters, at most 128 of them.
   */
  static List<String> strings(JsonArray array) {
    if (array == null) {
      return List.of();
    }
    Set<String> out = new LinkedHashSet<>();
    for (JsonValue item : array) {
      if (out.size() >= MAX_LIST_ITEMS) {
        break;
      }
      if (item instanceof JsonString string) {
        String value = string.getString().strip();
        if (!value.isEmpty() && value.length() <= MAX_LIST_ITEM_LENGTH) {
          out.add(value);
        }
      }
    }
    return new ArrayList<>(out);
  }

  /** Like {@link #strings(JsonArray)}, lower-cased: modality names. */
  static List<String> lowerCaseStrings(JsonArray array) {
    Set<String> out = new LinkedHashSet<>();
    for (String value : strings(array)) {
      out.add(value.toLowerCase(Locale.ROOT));
    }
    return new ArrayList<>(out);
  }

  /** Cuts {@code value} to {@code max} characters without splitting a surrogate pair. */
  static String truncate(String value, int max) {
    return ListingBounds.cut(value, max);
  }
}
