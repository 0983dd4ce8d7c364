package com.gatewayz.modelpages.gateway.format;

import com.gatewayz.modelpages.catalog.Listing;
import java.util.List;

/**
 * What one list response yielded: the usable models in list order, without duplicate ids, and one
 * human-readable line per skipped entry. Only the first {@link #MAX_SKIPPED_LINES} lines are kept;
 * {@link #skippedCount()} counts them all.
 */
public record ParsedList(List<Listing> models, List<String> skipped, int skippedCount) {

  public static final int MAX_SKIPPED_LINES = 50;

  public ParsedList {
    models = List.copyOf(models);
    skipped = List.copyOf(skipped);
  }
}
