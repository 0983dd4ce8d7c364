package com.gatewayz.modelpages.api;

import com.gatewayz.modelpages.catalog.Catalog;
import com.gatewayz.modelpages.catalog.CatalogIndex;
import com.gatewayz.modelpages.catalog.TextQuery;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Optional;

/**
 * The JSON answers of {@code GET /api/models}. Without a search, answers are kept per normalised
 * (gateway, offset, limit) for the catalog snapshot they were built from, in a cache bounded in
 * bytes: a catalog change (a new snapshot) drops them all, so a 1,000-model answer is built once
 * per change, not once per request. Searches are built every time, from the JSON of each model
 * encoded once ({@link EncodedModels}).
 */
final class ModelLists {

  static final long MAX_BYTES = 16L * 1024 * 1024;
  // Counted for every answer on top of its bytes, so tiny answers cannot make the cache huge in
  // entries.
  private static final int ENTRY_OVERHEAD_BYTES = 1024;

  private record Key(String gateway, int offset, int limit) {}

  private record Answer(Catalog catalog, byte[] json) {}

  private final Cache<Key, Answer> answers =
      Caffeine.newBuilder()
          .maximumWeight(MAX_BYTES)
          .weigher((Key key, Answer answer) -> answer.json().length + ENTRY_OVERHEAD_BYTES)
          .executor(Runnable::run)
          .build();
  private final EncodedModels encoded = new EncodedModels();
  private volatile Catalog answersFor;

  byte[] cached(Catalog catalog, Optional<String> gateway, int offset, int limit) {
    if (catalog != answersFor) {
      answersFor = catalog;
      answers.invalidateAll();
    }
    Key key = new Key(gateway.orElse("all"), offset, limit);
    Answer answer = answers.getIfPresent(key);
    // An answer put by a request that still read the previous snapshot is never served for this
    // one.
    if (answer == null || answer.catalog() != catalog) {
      answer = new Answer(catalog, build(catalog, gateway, offset, limit, null));
      answers.put(key, answer);
    }
    return answer.json();
  }

  /**
   * {@code {"data":[...],"total":N}} for one page of the models matching the gateway and search.
   */
  byte[] build(Catalog catalog, Optional<String> gateway, int offset, int limit, TextQuery text) {
    CatalogIndex.Selection page =
        catalog.index().page(null, gateway.orElse(null), text, false, offset, limit);
    return encoded.page(page.models(), page.total());
  }
}
