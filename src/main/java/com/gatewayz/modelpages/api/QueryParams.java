package com.gatewayz.modelpages.api;

/** Strict parsing of query parameters: a bad value is a 400 naming the parameter. */
final class QueryParams {

  private static final int SHOWN_MAX = 64;

  private QueryParams() {}

  static int intInRange(String name, String raw, int min, int max, int fallback) {
    if (raw == null) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(raw.trim());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    String range = max == Integer.MAX_VALUE ? min + " or more" : min + " to " + max;
    throw ApiException.badRequest(
        name + " must be a whole number from " + range + ", got '" + shown(raw) + "'");
  }

  /** Client text echoed in an error, bounded (the JSON encoder escapes it). */
  static String shown(String raw) {
    return raw.length() <= SHOWN_MAX ? raw : raw.substring(0, SHOWN_MAX) + "...";
  }
}
