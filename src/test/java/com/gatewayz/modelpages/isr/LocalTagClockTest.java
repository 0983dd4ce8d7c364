package com.gatewayz.modelpages.isr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalTagClockTest {

  private static final String[] TAGS = {"model:a", "models:list"};

  @Test
  void aPurgeInvalidatesRendersThatStartedBeforeItAndNoneAfter() {
    LocalTagClock clock = new LocalTagClock(StampStore.NONE, 100);
    long before = clock.currentTick();

    clock.stamp(List.of("model:a"));
    long after = clock.currentTick();

    assertThat(clock.isValid(before, TAGS, "/models/a")).isFalse();
    assertThat(clock.isValid(after, TAGS, "/models/a")).isTrue();
  }

  @Test
  void aPurgeOfAnotherTagOrPathLeavesTheEntryValid() {
    LocalTagClock clock = new LocalTagClock(StampStore.NONE, 100);
    long tick = clock.currentTick();

    clock.stamp(List.of("model:b", "/models/b"));

    assertThat(clock.isValid(tick, TAGS, "/models/a")).isTrue();
  }

  @Test
  void aPathPurgeInvalidatesTheEntryAtThatPath() {
    LocalTagClock clock = new LocalTagClock(StampStore.NONE, 100);
    long tick = clock.currentTick();

    clock.stamp(List.of("/models/a"));

    assertThat(clock.isValid(tick, TAGS, "/models/a")).isFalse();
  }

  @Test
  void theVersionChangesWithEveryPurge() {
    LocalTagClock clock = new LocalTagClock(StampStore.NONE, 100);
    long version = clock.version();

    clock.stamp(List.of("x"));
    long afterOne = clock.version();
    clock.stampAll();

    assertThat(afterOne).isGreaterThan(version);
    assertThat(clock.version()).isGreaterThan(afterOne);
  }

  @Test
  void stampAllInvalidatesEverythingRenderedBefore() {
    LocalTagClock clock = new LocalTagClock(StampStore.NONE, 100);
    long before = clock.currentTick();

    clock.stampAll();

    assertThat(clock.isValid(before, new String[] {"never-stamped"}, "/x")).isFalse();
    assertThat(clock.isValid(clock.currentTick(), new String[] {"never-stamped"}, "/x")).isTrue();
    assertThat(clock.stampCount()).isZero();
  }

  @Test
  void stampsStayBoundedByFoldingTheOldestIntoTheLowWaterMark() {
    LocalTagClock clock = new LocalTagClock(StampStore.NONE, 10);
    long early = clock.currentTick();
    for (int i = 0; i < 25; i++) {
      clock.stamp(List.of("tag-" + i));
    }
    long late = clock.currentTick();

    assertThat(clock.stampCount()).isLessThanOrEqualTo(10);
    assertThat(clock.lowWater()).isGreaterThan(0);
    // Folding may only invalidate more: an early render of an unrelated tag is now invalid...
    assertThat(clock.isValid(early, new String[] {"unrelated"}, "/u")).isFalse();
    // ...a render after every purge is valid, and the newest stamps still work precisely.
    assertThat(clock.isValid(late, new String[] {"tag-24"}, "/u")).isTrue();
    assertThat(clock.isValid(late - 1, new String[] {"tag-24"}, "/u")).isFalse();
  }

  @Test
  void stampsTickAndLowWaterSurviveAReloadFromTheStore() {
    MapStampStore store = new MapStampStore();
    LocalTagClock first = new LocalTagClock(store, 4);
    long renderedBefore = first.currentTick();
    for (int i = 0; i < 6; i++) {
      first.stamp(List.of("tag-" + i));
    }
    long renderedAfter = first.currentTick();

    LocalTagClock reloaded = new LocalTagClock(store, 4);

    assertThat(reloaded.currentTick()).isEqualTo(renderedAfter);
    assertThat(reloaded.isValid(renderedBefore, new String[] {"tag-5"}, "/a")).isFalse();
    assertThat(reloaded.isValid(renderedBefore, new String[] {"other"}, "/a")).isFalse();
    assertThat(reloaded.isValid(renderedAfter, new String[] {"tag-5"}, "/a")).isTrue();
    reloaded.stamp(List.of("tag-5"));
    assertThat(reloaded.isValid(renderedAfter, new String[] {"tag-5"}, "/a")).isFalse();
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
    public void saveStamps(Collection<String> names, long stampTick) {
      names.forEach(name -> stamps.put(name, stampTick));
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

    @Override
    public void clearStamps() {
      stamps.clear();
    }
  }
}
