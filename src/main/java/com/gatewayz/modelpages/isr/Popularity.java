package com.gatewayz.modelpages.isr;

import java.util.List;

/** The port that says which pages matter most: they are pre-rendered and re-warmed after purges. */
@FunctionalInterface
public interface Popularity {

  /** Up to {@code limit} cache keys, most popular first. */
  List<String> mostPopularKeys(int limit);
}
