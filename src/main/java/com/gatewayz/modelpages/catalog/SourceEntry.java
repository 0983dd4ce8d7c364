package com.gatewayz.modelpages.catalog;

/**
 * What one gateway said about one model, and when.
 *
 * @param listing the gateway's data; for a removed entry, the listing it had when removed (null if
 *     it never listed it), kept to notice when the gateway's listing of it changes
 * @param appliedAt event time of the newest information applied (epoch ms): a webhook's timestamp
 *     or a refresh's fetch time; older information for this entry loses
 * @param misses consecutive successful refreshes of the gateway that did not list it
 * @param removed true when a webhook removed it: hidden until a webhook adds it again or the
 *     gateway's listing of it changes
 */
public record SourceEntry(Listing listing, long appliedAt, int misses, boolean removed) {

  public static SourceEntry listed(Listing listing, long appliedAt) {
    return new SourceEntry(listing, appliedAt, 0, false);
  }

  public boolean isVisible() {
    return !removed && listing != null;
  }
}
