package com.gatewayz.modelpages.pages.view;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Numbers, token counts and dates as pages show them; fixed English formats, never the locale. */
final class Formats {

  static final String NONE = "\u2014";
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
  // A NumberFormat is not thread-safe, and building one (its pattern, its symbols) cost more than
  // formatting: one per thread.
  private static final ThreadLocal<NumberFormat> GROUPED =
      ThreadLocal.withInitial(() -> NumberFormat.getIntegerInstance(Locale.US));

  private Formats() {}

  /** "200K tokens", "1M tokens", "1.05M tokens"; an em dash when unknown (zero or less). */
  static String tokens(long count) {
    return count <= 0 ? NONE : compact(count) + " tokens";
  }

  /** The exact count for a title attribute: "1,048,576 tokens"; empty when unknown. */
  static String exactTokens(long count) {
    return count <= 0 ? "" : grouped(count) + " tokens";
  }

  /** "200K", "1.05M", "512"; an em dash when unknown. */
  static String compact(long count) {
    if (count <= 0) {
      return NONE;
    }
    if (count >= 1_000_000) {
      return scaled(count, 1_000_000, 2) + "M";
    }
    if (count >= 1_000) {
      return scaled(count, 1_000, count >= 10_000 ? 0 : 1) + "K";
    }
    return Long.toString(count);
  }

  private static String scaled(long count, long unit, int decimals) {
    return BigDecimal.valueOf(count)
        .divide(BigDecimal.valueOf(unit), decimals, RoundingMode.HALF_UP)
        .stripTrailingZeros()
        .toPlainString();
  }

  /** "1,234". */
  static String grouped(long count) {
    return GROUPED.get().format(count);
  }

  /** "2025-09-29" (UTC) for epoch seconds; empty when unknown. */
  static String date(Long epochSeconds) {
    return epochSeconds == null ? "" : DATE.format(Instant.ofEpochSecond(epochSeconds));
  }

  /** "2025-09-29" (UTC) for epoch milliseconds. */
  static String dateMillis(long epochMillis) {
    return DATE.format(Instant.ofEpochMilli(epochMillis));
  }

  /** "Text", "Image": a modality or parameter word with its first letter upper-cased. */
  static String capitalised(String word) {
    if (word == null || word.isEmpty()) {
      return "";
    }
    return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
  }

  /** At most {@code max} characters, cut at a word boundary with an ellipsis when longer. */
  static String clip(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int cut = text.lastIndexOf(' ', max - 1);
    if (cut < max / 2) {
      cut = max - 1;
    }
    if (Character.isHighSurrogate(text.charAt(cut - 1))) {
      cut--;
    }
    return text.substring(0, cut).stripTrailing() + "\u2026";
  }
}
