package com.gatewayz.modelpages.pages;

import com.gatewayz.modelpages.catalog.Catalog;
import com.gatewayz.modelpages.catalog.Model;
import com.gatewayz.modelpages.catalog.Slugs;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Models whose alias shares the most words with a requested id: "did you mean" on 404 pages. */
final class Suggestions {

  private Suggestions() {}

  static List<Model> forId(Catalog catalog, String requestedId, int limit) {
    String[] words = Slugs.alias(requestedId).split("-");
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

  private static int score(String alias, String[] words) {
    int score = 0;
    for (String word : words) {
      if (word.length() >= 3 && alias.contains(word)) {
        score += word.length();
      }
    }
    return score;
  }
}
