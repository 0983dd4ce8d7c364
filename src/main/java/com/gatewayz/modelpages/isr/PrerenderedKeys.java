package com.gatewayz.modelpages.isr;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The keys pre-rendered at start-up: their pages carry the pre-render tag. Thread-safe. */
final class PrerenderedKeys {

  private final String tag;
  private final Set<String> keys = ConcurrentHashMap.newKeySet();

  PrerenderedKeys(String tag) {
    this.tag = tag;
  }

  void mark(Collection<String> prerendered) {
    keys.addAll(prerendered);
  }

  boolean contains(String key) {
    return keys.contains(key);
  }

  Set<String> all() {
    return Set.copyOf(keys);
  }

  /**
   * The tags a page of {@code key} is stored with: its own, plus the pre-render tag if it is one.
   */
  String[] tagsOf(String key, Set<String> own) {
    List<String> tags = new ArrayList<>(own);
    if (keys.contains(key) && !tags.contains(tag)) {
      tags.add(tag);
    }
    tags.sort(null);
    return tags.toArray(String[]::new);
  }
}
