package com.gatewayz.modelpages.catalog;

import java.util.Arrays;
import java.util.Locale;

/**
 * A free-text search, split into lower-case words once per request (not once per model). A model
 * matches when every word occurs in its id, name or developer, case-insensitively. Callers bound
 * the text ({@value #MAX_LENGTH} characters). Immutable.
 */
public final class TextQuery {

  public static final int MAX_LENGTH = 100;

  private final String[] words;

  private TextQuery(String[] words) {
    this.words = words;
  }

  public static TextQuery of(String text) {
    String[] words = text.toLowerCase(Locale.ROOT).strip().split("\\s+");
    return new TextQuery(
        Arrays.stream(words).filter(word -> !word.isEmpty()).toArray(String[]::new));
  }

  public boolean matches(Model model) {
    return matchesHaystack(haystack(model));
  }

  /** The lower-case text a model is searched in: its id, name and developer. */
  static String haystack(Model model) {
    return (model.id() + " " + model.name() + " " + model.developer()).toLowerCase(Locale.ROOT);
  }

  /** The query's words, lower-case (a copy). */
  String[] words() {
    return words.clone();
  }

  boolean matchesHaystack(String haystack) {
    for (String word : words) {
      if (!haystack.contains(word)) {
        return false;
      }
    }
    return true;
  }
}
