package com.gatewayz.modelpages.catalog;

import com.gatewayz.modelpages.catalog.IncrementalMerge.Ref;

/**
 * One visible listing as {@link IncrementalMerge} keeps it: its entry, its place in the merge order
 * and its identity keys and candidate ids as 64-bit hashes. The identity itself is not kept (its
 * keys as strings are most of a listing's memory): it is derived again for the listings a change
 * re-merges. {@code model} is the id of the model it was last merged into.
 */
final class MergeItem {
  final Ref ref;
  // Replaced in place when only the entry's date changes (a refresh re-dates what it lists).
  SourceEntry entry;
  final long position;
  final long[] keys;
  String model;

  MergeItem(Ref ref, SourceEntry entry, long position, long[] keys) {
    this.ref = ref;
    this.entry = entry;
    this.position = position;
    this.keys = keys;
  }
}
