package com.gatewayz.modelpages.catalog;

/**
 * What one gateway said about one model, and when. An entry that is not visible is a tombstone: it
 * keeps the time of the removal so older information stays stale (see {@link CatalogUpdates}).
 *
 * @param listing the gateway's data; for a removed entry, the listing it had when removed (null if
 *     it never listed it), kept to notice when the gateway's listing of it changes; null for an
 *     entry the gateway's refreshes dropped
 * @param appliedAt event time of the newest information applied (epoch ms): a webhook's timestamp
 *     or a refresh's fetch time; older information for this entry loses
 * @param misses consecutive successful refreshes of the gateway that did not list it; for a removed
 *     entry, 0 while the gateway's latest refresh still lists it
 * @param removed true when a webhook removed it: hidden until a webhook adds it again or the
 *     gateway's listing of it changes
 */
public record SourceEntry(Listing listing, long appliedAt, int misses, boolean removed) {

  public static SourceEntry listed(Listing listing, long appliedAt) {
    return new SourceEntry(listing, appliedAt, 0, false);
  }

  /**
   * The tombstone of an entry the gateway's refreshes stopped listing, dropped at {@code
   * droppedAt}.
   */
  public static SourceEntry dropped(long droppedAt) {
    return new SourceEntry(null, droppedAt, 0, false);
  }

  /** Whether this entry wins over information of {@code time}: it is newer, or a removal as old. */
  boolean isNewerThan(long time) {
    return appliedAt > time || appliedAt == time && !isVisible();
  }

  public boolean isVisible() {
    return !removed && listing != null;
  }

  /**
   * A tombstone older than {@code before} that nothing needs: not a removal the gateway still lists
   * (forgetting that one would let the gateway's unchanged list bring the model back).
   */
  boolean isForgettable(long before) {
    boolean stillListed = removed && misses == 0 && listing != null;
    return !isVisible() && appliedAt < before && !stillListed;
  }
}
