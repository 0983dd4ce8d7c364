package com.gatewayz.modelpages.edge;

import java.util.ArrayList;
import java.util.List;

/** Splits the names of a purge into requests an edge accepts: at most so many, at most so long. */
final class NameBatches {

  private NameBatches() {}

  /**
   * Consecutive batches of at most {@code maxCount} names whose lengths plus one separator each
   * stay within {@code maxChars}; a single longer name gets a batch of its own.
   */
  static List<List<String>> split(List<String> names, int maxCount, int maxChars) {
    List<List<String>> batches = new ArrayList<>();
    List<String> batch = new ArrayList<>();
    int chars = 0;
    for (String name : names) {
      if (!batch.isEmpty() && (batch.size() == maxCount || chars + name.length() + 1 > maxChars)) {
        batches.add(batch);
        batch = new ArrayList<>();
        chars = 0;
      }
      batch.add(name);
      chars += name.length() + 1;
    }
    if (!batch.isEmpty()) {
      batches.add(batch);
    }
    return batches;
  }

  /** The names a request header can carry: visible ASCII only (no page header carries others). */
  static List<String> headerSafe(List<String> names) {
    return names.stream()
        .filter(name -> !name.isEmpty() && name.chars().allMatch(c -> c > 0x20 && c < 0x7f))
        .toList();
  }
}
