package com.gatewayz.modelpages.isr;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * After a purge, renders again in the background the pre-rendered and popular pages that lost their
 * entry, so their next request is not a MISS. At most one warm-up is queued at a time. The popular
 * keys are ranked again at most every {@link #POPULAR_KEYS_MAX_AGE}: at 100,000 models ranking them
 * after each of a burst of webhooks took a core; popularity moves slower than that (a page that
 * became popular in the last seconds and was purged is rendered by its next request).
 */
final class PopularWarmer implements PurgeListener {

  static final Duration POPULAR_KEYS_MAX_AGE = Duration.ofSeconds(10);

  private final PageCache cache;
  private final Regenerator regenerator;
  private final PrerenderedKeys prerendered;
  private final Supplier<List<String>> popularKeys;
  private final Executor background;
  private final Clock clock;
  private final AtomicBoolean queued = new AtomicBoolean();
  private List<String> recentPopularKeys;
  private long rankedAt;

  PopularWarmer(
      PageCache cache,
      Regenerator regenerator,
      PrerenderedKeys prerendered,
      Supplier<List<String>> popularKeys,
      Executor background,
      Clock clock) {
    this.cache = cache;
    this.regenerator = regenerator;
    this.prerendered = prerendered;
    this.popularKeys = popularKeys;
    this.background = background;
    this.clock = clock;
  }

  @Override
  public void purged(Invalidation invalidation) {
    if (!queued.compareAndSet(false, true)) {
      return;
    }
    try {
      background.execute(
          () -> {
            queued.set(false);
            warmNow();
          });
    } catch (RejectedExecutionException e) {
      queued.set(false);
    }
  }

  void warmNow() {
    Set<String> keys = new LinkedHashSet<>(prerendered.all());
    keys.addAll(popularKeys());
    for (String key : keys) {
      Lookup lookup = cache.lookup(key);
      if (lookup.state() == Lookup.State.PURGED) {
        regenerator.revalidateLater(key, cache.purgeReason(lookup.page()));
      } else if (lookup.state() == Lookup.State.ABSENT) {
        regenerator.revalidateLater(key, Revalidation.TAG);
      }
    }
  }

  private synchronized List<String> popularKeys() {
    long now = clock.millis();
    if (recentPopularKeys == null || now - rankedAt >= POPULAR_KEYS_MAX_AGE.toMillis()) {
      recentPopularKeys = popularKeys.get();
      rankedAt = now;
    }
    return recentPopularKeys;
  }
}
