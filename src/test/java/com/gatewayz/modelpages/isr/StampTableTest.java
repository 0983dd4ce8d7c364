package com.gatewayz.modelpages.isr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StampTableTest {

  private static final String[] TAGS = {"model:a", "models:list"};

  private static StampTable table(int maxStamps) {
    return new StampTable(new LocalStamps(StampStore.NONE, maxStamps));
  }

  @Test
  void aPurgeInvalidatesRendersThatStartedBeforeItAndNoneAfter() {
    StampTable clock = table(100);
    long before = clock.currentTick();

    clock.stamp(List.of("model:a"));
    long after = clock.currentTick();

    assertThat(clock.check(before, TAGS, "/models/a")).isEqualTo(TagClock.Validity.PURGED);
    assertThat(clock.check(after, TAGS, "/models/a")).isEqualTo(TagClock.Validity.VALID);
  }

  @Test
  void aPurgeOfAnotherTagOrPathLeavesTheEntryValid() {
    StampTable clock = table(100);
    long tick = clock.currentTick();

    clock.stamp(List.of("model:b", "/models/b"));

    assertThat(clock.isValid(tick, TAGS, "/models/a")).isTrue();
  }

  @Test
  void aPathPurgeInvalidatesTheEntryAtThatPathAndSaysSo() {
    StampTable clock = table(100);
    long tick = clock.currentTick();

    clock.stamp(List.of("/models/a"));

    assertThat(clock.isValid(tick, TAGS, "/models/a")).isFalse();
    assertThat(clock.purgedBy(tick, TAGS, "/models/a")).isEqualTo(Revalidation.PATH);
  }

  @Test
  void theVersionMovesOnOnlyAfterThePurgesStampsAreWritten() {
    List<String> steps = new ArrayList<>();
    StampTable clock = new StampTable(new Recording(new LocalStamps(StampStore.NONE, 100), steps));
    long version = clock.version();

    clock.stamp(List.of("x"));
    long afterOne = clock.version();
    clock.stampAll();

    assertThat(steps)
        .containsExactly("nextTick", "raise", "publish", "nextTick", "raiseLowWater", "publish");
    assertThat(afterOne).isGreaterThan(version);
    assertThat(clock.version()).isGreaterThan(afterOne);
  }

  @Test
  void stampAllInvalidatesEverythingRenderedBefore() {
    StampTable clock = table(100);
    clock.stamp(List.of("model:a"));
    long before = clock.currentTick();

    clock.stampAll();

    assertThat(clock.isValid(before, new String[] {"never-stamped"}, "/x")).isFalse();
    assertThat(clock.isValid(clock.currentTick(), new String[] {"never-stamped"}, "/x")).isTrue();
    assertThat(clock.stampCount()).isZero();
  }

  @Test
  void stampsStayBoundedByFoldingTheOldestIntoTheLowWaterMark() {
    StampTable clock = table(10);
    long early = clock.currentTick();
    for (int i = 0; i < 25; i++) {
      clock.stamp(List.of("tag-" + i));
    }
    long late = clock.currentTick();

    assertThat(clock.stampCount()).isLessThanOrEqualTo(10);
    // Folding may only invalidate more: an early render of an unrelated tag is now invalid...
    assertThat(clock.isValid(early, new String[] {"unrelated"}, "/u")).isFalse();
    // ...a render after every purge is valid, and the newest stamps still work precisely.
    assertThat(clock.isValid(late, new String[] {"tag-24"}, "/u")).isTrue();
    assertThat(clock.isValid(late - 1, new String[] {"tag-24"}, "/u")).isFalse();
  }

  /**
   * A fold running between a check's reads: the stamp is dropped after the mark was raised. Read
   * mark-then-stamps, the check would see the old mark and no stamp, and pass a purged entry.
   */
  @Test
  void aFoldBetweenTheReadsOfACheckNeverLetsAPurgedEntryThrough() {
    LocalStamps local = new LocalStamps(StampStore.NONE, 100);
    long rendered = local.tick();
    StampTable clock = new StampTable(local);
    clock.stamp(List.of("model:a"));
    long purgedAt = local.tick();
    StampTable checking = new StampTable(new FoldingAfterFirstRead(local, purgedAt));

    assertThat(checking.check(rendered, new String[] {"model:a"}, "/models/a"))
        .isEqualTo(TagClock.Validity.PURGED);
    assertThat(local.stampOf("model:a")).isEqualTo(Stamps.NONE);
  }

  @Test
  void aStampThatCannotBeReadMakesTheCheckUnknownNotValid() {
    LocalStamps local = new LocalStamps(StampStore.NONE, 100);
    StampTable clock = new StampTable(new Unreadable(local, "model:a"));

    assertThat(clock.check(local.tick(), TAGS, "/models/a")).isEqualTo(TagClock.Validity.UNKNOWN);
    assertThat(clock.isValid(local.tick(), TAGS, "/models/a")).isFalse();
  }

  @Test
  void aStampRaisedOutOfOrderKeepsTheLaterTickInMemoryAndOnDisk() {
    MapStampStore store = new MapStampStore();
    LocalStamps stamps = new LocalStamps(store, 100);
    long first = stamps.nextTick();
    long second = stamps.nextTick();

    stamps.raise(List.of("model:a"), second);
    stamps.raise(List.of("model:a"), first);

    assertThat(stamps.stampOf("model:a")).isEqualTo(second);
    assertThat(new LocalStamps(store, 100).stampOf("model:a")).isEqualTo(second);
  }

  @Test
  void stampsTickAndLowWaterSurviveAReloadFromTheStore() {
    MapStampStore store = new MapStampStore();
    StampTable first = new StampTable(new LocalStamps(store, 4));
    long renderedBefore = first.currentTick();
    for (int i = 0; i < 6; i++) {
      first.stamp(List.of("tag-" + i));
    }
    long renderedAfter = first.currentTick();

    StampTable reloaded = new StampTable(new LocalStamps(store, 4));

    assertThat(reloaded.currentTick()).isEqualTo(renderedAfter);
    assertThat(reloaded.isValid(renderedBefore, new String[] {"tag-5"}, "/a")).isFalse();
    assertThat(reloaded.isValid(renderedBefore, new String[] {"other"}, "/a")).isFalse();
    assertThat(reloaded.isValid(renderedAfter, new String[] {"tag-5"}, "/a")).isTrue();
    reloaded.stamp(List.of("tag-5"));
    assertThat(reloaded.isValid(renderedAfter, new String[] {"tag-5"}, "/a")).isFalse();
  }

  /** Stamps that pass every call through. */
  static class Delegating implements Stamps {
    final Stamps delegate;

    Delegating(Stamps delegate) {
      this.delegate = delegate;
    }

    @Override
    public long tick() {
      return delegate.tick();
    }

    @Override
    public long version() {
      return delegate.version();
    }

    @Override
    public long nextTick() {
      return delegate.nextTick();
    }

    @Override
    public void raise(Collection<String> names, long tick) {
      delegate.raise(names, tick);
    }

    @Override
    public void raiseLowWater(long tick) {
      delegate.raiseLowWater(tick);
    }

    @Override
    public void publish() {
      delegate.publish();
    }

    @Override
    public long stampOf(String name) {
      return delegate.stampOf(name);
    }

    @Override
    public long lowWater() {
      return delegate.lowWater();
    }

    @Override
    public boolean isAvailable() {
      return delegate.isAvailable();
    }

    @Override
    public int size() {
      return delegate.size();
    }
  }

  /** Records the writes, in order. */
  static final class Recording extends Delegating {
    private final List<String> steps;

    Recording(Stamps delegate, List<String> steps) {
      super(delegate);
      this.steps = steps;
    }

    @Override
    public long nextTick() {
      steps.add("nextTick");
      return super.nextTick();
    }

    @Override
    public void raise(Collection<String> names, long tick) {
      steps.add("raise");
      super.raise(names, tick);
    }

    @Override
    public void raiseLowWater(long tick) {
      steps.add("raiseLowWater");
      super.raiseLowWater(tick);
    }

    @Override
    public void publish() {
      steps.add("publish");
      super.publish();
    }
  }

  /**
   * Folds everything up to {@code mark} away right after the first read, as a concurrent purge
   * could.
   */
  static final class FoldingAfterFirstRead extends Delegating {
    private final long mark;
    private boolean folded;

    FoldingAfterFirstRead(Stamps delegate, long mark) {
      super(delegate);
      this.mark = mark;
    }

    private long foldOnce(long read) {
      if (!folded) {
        folded = true;
        delegate.raiseLowWater(mark);
      }
      return read;
    }

    @Override
    public long stampOf(String name) {
      return foldOnce(super.stampOf(name));
    }

    @Override
    public long lowWater() {
      return foldOnce(super.lowWater());
    }
  }

  /** One name's stamp cannot be read, as when a cluster call fails. */
  static final class Unreadable extends Delegating {
    private final String name;

    Unreadable(Stamps delegate, String name) {
      super(delegate);
      this.name = name;
    }

    @Override
    public long stampOf(String given) {
      return given.equals(name) ? UNKNOWN : super.stampOf(given);
    }
  }

  /** A stamp store in a map, standing in for the persistent cache across a "restart". */
  static final class MapStampStore implements StampStore {
    private final Map<String, Long> stamps = new HashMap<>();
    private long tick;
    private long lowWater;

    @Override
    public Snapshot load() {
      return new Snapshot(Map.copyOf(stamps), tick, lowWater);
    }

    @Override
    public void saveStamps(Map<String, Long> saved) {
      stamps.putAll(saved);
    }

    @Override
    public void saveMarks(long savedTick, long savedLowWater) {
      tick = savedTick;
      lowWater = savedLowWater;
    }

    @Override
    public void forget(Collection<String> names) {
      names.forEach(stamps::remove);
    }
  }
}
