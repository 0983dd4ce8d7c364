package com.gatewayz.modelpages.isr;

import java.util.List;

/** What a purge stamped: the tags and paths, in the order given. */
public record Invalidation(List<String> tags, List<String> paths) {

  public static final Invalidation NOTHING = new Invalidation(List.of(), List.of());

  /** What {@link Isr#purgeAll()} reports: every entry. */
  public static final Invalidation EVERYTHING = new Invalidation(List.of("*"), List.of());

  public Invalidation {
    tags = List.copyOf(tags);
    paths = List.copyOf(paths);
  }

  public boolean isEverything() {
    return equals(EVERYTHING);
  }

  public boolean isEmpty() {
    return tags.isEmpty() && paths.isEmpty();
  }
}
