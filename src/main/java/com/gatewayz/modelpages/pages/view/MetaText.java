package com.gatewayz.modelpages.pages.view;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Short plain-text summaries for {@code <meta name="description">} and OpenGraph. */
final class MetaText {

  static final int MAX_DESCRIPTION = 160;
  private static final int MIN_SENTENCE = 20;
  // A sentence ends at . ! or ? followed by whitespace, unless the word before it is a single
  // character ("e.g.", "U.S."); a very short first "sentence" ("Fast. Cheap.") is not enough.
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Pattern SENTENCE_END = Pattern.compile("(?<![\\s.][A-Za-z0-9])[.!?](?=\\s)");

  private MetaText() {}

  /** The first sentence of {@code plainText}, at most 160 characters, or empty. */
  static String firstSentence(String plainText) {
    String text = plainText == null ? "" : WHITESPACE.matcher(plainText.strip()).replaceAll(" ");
    Matcher end = SENTENCE_END.matcher(text);
    while (end.find()) {
      if (end.start() >= MIN_SENTENCE) {
        text = text.substring(0, end.start() + 1);
        break;
      }
    }
    return Formats.clip(text, MAX_DESCRIPTION);
  }

  /** {@code preferred} when it has text, else {@code fallback}; both plain text. */
  static String orElse(String preferred, String fallback) {
    return preferred == null || preferred.isBlank() ? fallback : preferred;
  }
}
