package com.gatewayz.modelpages.isr;

import java.util.List;

/**
 * The port that says which pages matter most: they are pre-rendered and re-warmed after purges. The
 * cache tells it of every request served for a key that named a page. Thread-safe.
 */
public interface Popularity {

  /** Up to {@code limit} cache keys, most popular first. */
  List<String> mostPopularKeys(int limit);

  /** One request was served a page of {@code key} (never a 404: made-up keys leave no trace). */
  void viewed(String key);
}
