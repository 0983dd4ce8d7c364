package com.gatewayz.modelpages.isr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ehcache.config.builders.CacheConfigurationBuilder.newCacheConfigurationBuilder;

import com.gatewayz.modelpages.testing.MutableClock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The page cache when its tag clock cannot vouch for its stamps, cannot confirm a purge, or is
 * asked for "*".
 */
class PageCacheClockTest {

  private final CacheManager manager =
      CacheManagerBuilder.newCacheManagerBuilder()
          .withCache(
              "pages",
              newCacheConfigurationBuilder(
                  String.class, CachedPage.class, ResourcePoolsBuilder.heap(100)))
          .build(true);
  private final SwitchableClock tagClock =
      new SwitchableClock(new StampTable(new LocalStamps(StampStore.NONE, 100)));
  private final FakeRenderer renderer = new FakeRenderer();
  private final MutableClock clock = MutableClock.atEpochSeconds(1_700_000_000);
  private final PageCache cache =
      new PageCache(
          new PageStore(
              manager.getCache("pages", String.class, CachedPage.class), ClusterGuard.LOCAL),
          tagClock,
          60_000,
          clock);
  private final CacheStats stats = new CacheStats();
  private final Regenerator regenerator =
      new Regenerator(
          cache,
          new Renders(cache, renderer, new PrerenderedKeys("popular"), stats, clock),
          stats,
          Runnable::run,
          clock,
          new IsrOptions(60, true, 10, "popular", 5_000));
  private final Purges purges = new Purges(tagClock);
  private final List<Invalidation> told = new ArrayList<>();

  @AfterEach
  void close() {
    manager.close();
  }

  @Test
  void whileTheClockCannotVouchNoStoredPageIsServedValidatedBeforeOrNot() throws Exception {
    regenerator.renderNow("/p/seen");
    regenerator.renderNow("/p/unseen");
    assertThat(cache.lookup("/p/seen").state()).isEqualTo(Lookup.State.FRESH);

    tagClock.available = false;

    assertThat(cache.lookup("/p/seen").state()).isEqualTo(Lookup.State.PURGED);
    assertThat(cache.lookup("/p/unseen").state()).isEqualTo(Lookup.State.PURGED);
    tagClock.available = true;
    assertThat(cache.lookup("/p/unseen").state()).isEqualTo(Lookup.State.FRESH);
  }

  @Test
  void whileTheClockCannotVouchARenderIsServedOnceAndNotStored() throws Exception {
    tagClock.available = false;

    CachedPage page = regenerator.renderNow("/p/a");

    assertThat(page.renderTick()).isEqualTo(PageCache.UNCHECKED);
    assertThat(cache.isValid(page)).isTrue();
    assertThat(cache.store().get("/p/a")).isNull();
  }

  @Test
  void aRenderWhoseStampsCannotBeReadIsServedOnceAndNotStoredNorRetried() throws Exception {
    tagClock.unreadable = true;

    CachedPage page = regenerator.renderNow("/p/a");

    assertThat(page.renderTick()).isEqualTo(PageCache.UNCHECKED);
    assertThat(cache.store().get("/p/a")).isNull();
    assertThat(renderer.rendersOf("/p/a")).isEqualTo(1);
  }

  @Test
  void aPurgeThatCannotBeConfirmedThrowsAndTellsNoListener() throws Exception {
    purges.addListener(told::add);
    regenerator.renderNow("/p/a");
    tagClock.refusing = true;

    assertThatThrownBy(() -> purges.purge(List.of("t:a"), List.of()))
        .isInstanceOf(PurgeFailedException.class);
    assertThatThrownBy(purges::purgeAll).isInstanceOf(PurgeFailedException.class);
    assertThat(told).isEmpty();
  }

  @Test
  void aPurgeOfTheTagStarPurgesEverythingAndSaysSo() throws Exception {
    purges.addListener(told::add);
    regenerator.renderNow("/p/a");
    regenerator.renderNow("/p/b");

    Invalidation done = purges.purge(List.of(Purges.EVERYTHING), List.of());

    assertThat(cache.lookup("/p/a").state()).isEqualTo(Lookup.State.PURGED);
    assertThat(cache.lookup("/p/b").state()).isEqualTo(Lookup.State.PURGED);
    assertThat(done.tags()).containsExactly(Purges.EVERYTHING);
    assertThat(told).containsExactly(done);
  }

  /** A tag clock a test can cut off, make unreadable, or make refuse purges. */
  static final class SwitchableClock implements TagClock {
    private final TagClock delegate;
    volatile boolean available = true;
    volatile boolean unreadable;
    volatile boolean refusing;

    SwitchableClock(TagClock delegate) {
      this.delegate = delegate;
    }

    @Override
    public long currentTick() {
      return available ? delegate.currentTick() : UNAVAILABLE;
    }

    @Override
    public long version() {
      return available ? delegate.version() : UNAVAILABLE;
    }

    @Override
    public long stamp(Collection<String> names) {
      if (refusing) {
        throw new PurgeFailedException("refused by the test", null);
      }
      return delegate.stamp(names);
    }

    @Override
    public long stampAll() {
      if (refusing) {
        throw new PurgeFailedException("refused by the test", null);
      }
      return delegate.stampAll();
    }

    @Override
    public Validity check(long renderTick, String[] tags, String path) {
      return available && !unreadable ? delegate.check(renderTick, tags, path) : Validity.UNKNOWN;
    }

    @Override
    public Revalidation purgedBy(long renderTick, String[] tags, String path) {
      return delegate.purgedBy(renderTick, tags, path);
    }

    @Override
    public boolean isAvailable() {
      return available;
    }

    @Override
    public int stampCount() {
      return delegate.stampCount();
    }
  }
}
