package com.gatewayz.modelpages.isr;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * After a purge, renders again in the background the pre-rendered and popular pages that lost their
 * entry, so their next request is not a MISS. At most one warm-up is queued at a time.
 */
final class PopularWarmer implements PurgeListener {

  private final PageCache cache;
  private final Regenerator regenerator;
  private final PrerenderedKeys prerendered;
  private final Supplier<List<String>> popularKeys;
  private final Executor background;
  private final AtomicBoolean queued = new AtomicBoolean();

  PopularWarmer(
      PageCache cache,
      Regenerator regenerator,
      PrerenderedKeys prerendered,
      Supplier<List<String>> popularKeys,
      Executor background) {
    this.cache = cache;
    this.regenerator = regenerator;
    this.prerendered = prerendered;
    this.popularKeys = popularKeys;
    this.background = background;
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
    keys.addAll(popularKeys.get());
    for (String key : keys) {
      Lookup lookup = cache.lookup(key);
      if (lookup.state() == Lookup.State.PURGED) {
        regenerator.revalidateLater(key, cache.purgeReason(lookup.page()));
      } else if (lookup.state() == Lookup.State.ABSENT) {
        regenerator.revalidateLater(key, Revalidation.TAG);
      }
    }
  }
}
