package com.gatewayz.modelpages.isr;

import java.util.Collection;

/**
 * The tag clock's one stamp table, whatever keeps the stamps ({@link Stamps}): the order of its
 * reads and writes is what makes it safe. A purge takes a tick, raises the stamps, then publishes a
 * new version, so a reader that sees the version sees the stamps. A check reads the version first,
 * then the stamps, then the low-water mark, which is raised before stamps below it are dropped: a
 * stamp folded away is always seen as one or the other. Purges never block checks.
 */
final class StampTable implements TagClock {

  private final Stamps stamps;

  StampTable(Stamps stamps) {
    this.stamps = stamps;
  }

  @Override
  public long currentTick() {
    return stamps.tick();
  }

  @Override
  public long version() {
    return stamps.version();
  }

  @Override
  public long stamp(Collection<String> names) {
    long tick = stamps.nextTick();
    stamps.raise(names, tick);
    stamps.publish();
    return tick;
  }

  @Override
  public long stampAll() {
    long tick = stamps.nextTick();
    stamps.raiseLowWater(tick);
    stamps.publish();
    return tick;
  }

  @Override
  public Validity check(long renderTick, String[] tags, String path) {
    for (String tag : tags) {
      Validity validity = against(renderTick, stamps.stampOf(tag));
      if (validity != Validity.VALID) {
        return validity;
      }
    }
    Validity byPath = against(renderTick, stamps.stampOf(path));
    return byPath != Validity.VALID ? byPath : against(renderTick, stamps.lowWater());
  }

  private static Validity against(long renderTick, long stamp) {
    if (stamp == Stamps.UNKNOWN) {
      return Validity.UNKNOWN;
    }
    return renderTick < stamp ? Validity.PURGED : Validity.VALID;
  }

  @Override
  public Revalidation purgedBy(long renderTick, String[] tags, String path) {
    return renderTick < stamps.stampOf(path) ? Revalidation.PATH : Revalidation.TAG;
  }

  @Override
  public boolean isAvailable() {
    return stamps.isAvailable();
  }

  @Override
  public int stampCount() {
    return stamps.size();
  }
}
