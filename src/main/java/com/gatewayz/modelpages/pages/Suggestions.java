package com.gatewayz.modelpages.pages;

import com.gatewayz.modelpages.catalog.Catalog;
import com.gatewayz.modelpages.catalog.Model;
import com.gatewayz.modelpages.catalog.Slugs;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Models whose alias shares the most words with a requested id: "did you mean" on 404 pages. Only
 * the first {@value #MAX_CHARS} characters and {@value #MAX_WORDS} words of the id count, so the
 * work per request is bounded whatever path a visitor sends.
 */
final class Suggestions {

  static final int MAX_CHARS = 256;
  static final int MAX_WORDS = 10;
  private static final int MIN_WORD_LENGTH = 3;

  private Suggestions() {}

  static List<Model> forId(Catalog catalog, String requestedId, int limit) {
    List<String> words = words(requestedId);
    if (words.isEmpty()) {
      return List.of();
    }
    record Scored(Model model, int score, int rank) {}
    List<Scored> scored = new ArrayList<>();
    int rank = 0;
    for (Model model : catalog.models()) {
      int score = score(model.alias(), words);
      if (score > 0) {
        scored.add(new Scored(model, score, rank));
      }
      rank++;
    }
    scored.sort(Comparator.comparingInt(Scored::score).reversed().thenComparingInt(Scored::rank));
    return scored.stream().limit(limit).map(Scored::model).toList();
  }

  /** The distinct words (3 characters or more) of the id's alias, at most {@value #MAX_WORDS}. */
  static List<String> words(String requestedId) {
    String head =
        requestedId.length() <= MAX_CHARS ? requestedId : requestedId.substring(0, MAX_CHARS);
    Set<String> words = new LinkedHashSet<>();
    for (String word : Slugs.alias(head).split("-")) {
      if (word.length() >= MIN_WORD_LENGTH && words.size() < MAX_WORDS) {
        words.add(word);
      }
    }
    return List.copyOf(words);
  }

  private static int score(String alias, List<String> words) {
    int score = 0;
    for (String word : words) {
      if (alias.contains(word)) {
        score += word.length();
      }
    }
    return score;
  }
}
