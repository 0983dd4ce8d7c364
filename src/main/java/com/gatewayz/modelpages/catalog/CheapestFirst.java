package com.gatewayz.modelpages.catalog;

import java.util.Arrays;
import java.util.BitSet;

/**
 * The first few of a set of catalog positions in price order, for a page of a cheapest-first list:
 * a small set is sorted; a big one is picked from the catalog's whole price order as it is walked,
 * which stops at the page's end instead of sorting every match. Both give the order {@link
 * CatalogIndex#select} gives (ranks are distinct). Stateless.
 */
final class CheapestFirst {

  // Below one in this many of the catalog, sorting the set costs less than walking the order.
  private static final int SORT_BELOW_ONE_IN = 8;

  private CheapestFirst() {}

  /** The {@code count} cheapest of {@code positions}, cheapest first (all when fewer). */
  static int[] firstOf(int[] positions, int count, int[] priceRank, int[] priceOrder) {
    int wanted = Math.min(count, positions.length);
    if ((long) positions.length * SORT_BELOW_ONE_IN < priceOrder.length) {
      return Arrays.copyOf(sorted(positions, priceRank), wanted);
    }
    BitSet members = new BitSet(priceOrder.length);
    for (int position : positions) {
      members.set(position);
    }
    int[] first = new int[wanted];
    int found = 0;
    for (int i = 0; i < priceOrder.length && found < wanted; i++) {
      if (members.get(priceOrder[i])) {
        first[found++] = priceOrder[i];
      }
    }
    return first;
  }

  private static int[] sorted(int[] positions, int[] priceRank) {
    long[] keyed = new long[positions.length];
    for (int i = 0; i < positions.length; i++) {
      keyed[i] = (long) priceRank[positions[i]] << 32 | positions[i];
    }
    Arrays.sort(keyed);
    int[] sorted = new int[positions.length];
    for (int i = 0; i < keyed.length; i++) {
      sorted[i] = (int) keyed[i];
    }
    return sorted;
  }
}
