package com.gatewayz.modelpages.catalog;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The model id grammar: one or more segments joined by {@code /}; a segment is 1–128 of {@code A-Z
 * a-z 0-9 . _ - : ~ @ +}; at most 256 characters; no {@code .} or {@code ..} segment; case is kept.
 * Every id that enters the catalog (gateway list, webhook, curated file, URL) passes {@link
 * #problem(String)} first.
 */
public final class ModelId {

  public static final int MAX_LENGTH = 256;
  public static final int MAX_SEGMENT_LENGTH = 128;

  /** What every model page's path starts with; the rest is the encoded id. */
  public static final String PAGE_PREFIX = "/models/";

  private ModelId() {}

  /** True when {@code id} follows the grammar. */
  public static boolean isValid(String id) {
    return problem(id).isEmpty();
  }

  /**
   * Why {@code id} is not a valid model id, worded for an error message, or empty when it is valid.
   */
  public static Optional<String> problem(String id) {
    if (id == null || id.isEmpty()) {
      return Optional.of("must not be empty");
    }
    if (id.length() > MAX_LENGTH) {
      return Optional.of("is longer than " + MAX_LENGTH + " characters");
    }
    int start = 0;
    while (start <= id.length()) {
      int end = id.indexOf('/', start);
      if (end < 0) {
        end = id.length();
      }
      Optional<String> segmentProblem = segmentProblem(id, start, end);
      if (segmentProblem.isPresent()) {
        return segmentProblem;
      }
      start = end + 1;
    }
    return Optional.empty();
  }

  private static Optional<String> segmentProblem(String id, int start, int end) {
    int length = end - start;
    if (length == 0) {
      return Optional.of("has an empty segment");
    }
    if (length > MAX_SEGMENT_LENGTH) {
      return Optional.of("has a segment longer than " + MAX_SEGMENT_LENGTH + " characters");
    }
    if (id.charAt(start) == '.' && (length == 1 || (length == 2 && id.charAt(start + 1) == '.'))) {
      return Optional.of("has a '" + id.substring(start, end) + "' segment");
    }
    for (int i = start; i < end; i++) {
      if (!isSegmentChar(id.charAt(i))) {
        return Optional.of("contains a character that is not allowed at position " + (i + 1));
      }
    }
    return Optional.empty();
  }

  private static boolean isPathAsIs(String id) {
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c != '/' && !isSegmentChar(c)) {
        return false;
      }
    }
    return true;
  }

  static boolean isSegmentChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '.'
        || c == '_'
        || c == '-'
        || c == ':'
        || c == '~'
        || c == '@'
        || c == '+';
  }

  /**
   * The path of a model's page: {@code /models/} and the id, each segment percent-encoded as a path
   * segment. The id must be valid.
   */
  public static String pagePath(String id) {
    return PAGE_PREFIX + encodePath(id);
  }

  /** Percent-encodes each segment of a valid id as a URI path segment, keeping the slashes. */
  public static String encodePath(String id) {
    if (isPathAsIs(id)) {
      return id; // every valid id: called per model and page, so no copy
    }
    StringBuilder out = new StringBuilder(id.length() + 8);
    for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      // Id characters are all RFC 3986 pchars; anything else (never a valid id) is escaped.
      if (c == '/' || isSegmentChar(c)) {
        out.append(c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)));
        out.append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
      }
    }
    return out.toString();
  }
}
