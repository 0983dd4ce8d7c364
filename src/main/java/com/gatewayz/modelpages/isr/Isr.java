package com.gatewayz.modelpages.isr;

import com.gatewayz.modelpages.platform.DaemonThreads;
import java.time.Clock;
import java.util.Collection;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The ISR engine assembled: storage, tag clock, page cache, regeneration, pre-render. One per
 * application; {@link #close()} on shutdown so the disk tier is marked clean.
 */
public final class Isr implements AutoCloseable {

  private static final int BACKGROUND_THREADS = 2;
  private static final int BACKGROUND_QUEUE = 10_000;

  private final Storage storage;
  private final PageCache cache;
  private final Regenerator regenerator;
  private final Prerenderer prerenderer;
  private final PopularRefresh popularRefresh;
  private final Popularity popularity;
  private final ExecutorService background;
  private final AtomicBoolean warmQueued = new AtomicBoolean();
  private final ScheduledExecutorService maintenance;
  private volatile Thread prerenderThread;

  Isr(
      Storage storage,
      PageRenderer renderer,
      Popularity popularity,
      IsrOptions options,
      Clock clock,
      ExecutorService background) {
    this.storage = storage;
    this.maintenance = Executors.newSingleThreadScheduledExecutor(DaemonThreads.single("isr-maintenance"));
    this.popularity = popularity;
    this.background = background;
    this.cache = new PageCache(storage.pages(), storage.tagClock(), renderer, options, clock, new CacheStats());
    this.regenerator = new Regenerator(cache, background, clock, options);
    this.prerenderer =
        new Prerenderer(cache, () -> popularity.mostPopularKeys(options.prerenderLimit()), background, clock);
    maintenance.scheduleWithFixedDelay(prerenderer::retryIfDue, 5, 5, TimeUnit.SECONDS);
    this.popularRefresh =
        new PopularRefresh(cache, regenerator, () -> popularity.mostPopularKeys(options.prerenderLimit()), clock);
    cache.addPurgeListener(invalidation -> warmPopularLater());
  }

  /** Opens the cache storage and assembles the engine; pre-render starts with {@link #startPrerender()}. */
  public static Isr open(
      IsrOptions options,
      CacheSizing sizing,
      PageRenderer renderer,
      Popularity popularity,
      Clock clock) {
    return new Isr(Storage.open(sizing), renderer, popularity, options, clock, backgroundExecutor());
  }

  private static ExecutorService backgroundExecutor() {
    ThreadFactory threads = DaemonThreads.named("isr-render");
    return new ThreadPoolExecutor(
        BACKGROUND_THREADS,
        BACKGROUND_THREADS,
        30,
        TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(BACKGROUND_QUEUE),
        threads,
        new ThreadPoolExecutor.AbortPolicy());
  }

  /**
   * Pre-renders the most popular keys on a background thread, which first runs {@code awaitStarted}:
   * the server may still be starting the application when this is called.
   */
  public void startPrerender(Runnable awaitStarted) {
    int limit = cache.options().prerenderLimit();
    if (limit == 0) {
      prerenderer.skip();
      return;
    }
    Thread thread = new Thread(() -> prerenderer.run(awaitStarted), "isr-prerender");
    thread.setDaemon(true);
    prerenderThread = thread;
    thread.start();
  }

  /** Pre-renders in the calling thread (tests, tools). */
  public void prerenderNow() {
    prerenderer.run(() -> {});
  }

  // After a purge, popular pages that lost their entry are rendered again in the background.
  private void warmPopularLater() {
    if (!warmQueued.compareAndSet(false, true)) {
      return;
    }
    try {
      background.execute(
          () -> {
            warmQueued.set(false);
            warmPopularNow();
          });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      warmQueued.set(false);
    }
  }

  void warmPopularNow() {
    java.util.Set<String> keys = new java.util.LinkedHashSet<>(cache.prerenderedKeys());
    keys.addAll(popularity.mostPopularKeys(cache.options().prerenderLimit()));
    for (String key : keys) {
      Lookup lookup = cache.lookup(key);
      if (lookup.state() == Lookup.State.PURGED) {
        regenerator.revalidateLater(key, cache.purgeReason(lookup.page()));
      } else if (lookup.state() == Lookup.State.ABSENT) {
        regenerator.revalidateLater(key, Revalidation.TAG);
      }
    }
  }

  /**
   * Queues a background re-render of each of the most popular pages (as many as are pre-rendered)
   * whose revalidate deadline is near, so none is ever served STALE. Meant to run every {@link
   * #popularRefreshIntervalMillis()} on the refresh schedule; returns how many renders were queued.
   */
  public int refreshPopularBeforeExpiry() {
    return popularRefresh.run();
  }

  /** How often {@link #refreshPopularBeforeExpiry()} should run: a fifth of the revalidate period, 1 s to 1 min. */
  public long popularRefreshIntervalMillis() {
    return popularRefresh.intervalMillis();
  }

  /**
   * Purges by tag and path: see {@link PageCache#purge}.
   *
   * @throws PurgeFailedException when the purge cannot be put in force on every node of a cluster;
   *     answer 503 with {@code Retry-After: }{@link PurgeFailedException#retryAfterSeconds()}
   */
  public Invalidation purge(Collection<String> tags, Collection<String> paths) {
    return cache.purge(tags, paths);
  }

  /**
   * Purges every page: see {@link PageCache#purgeAll}.
   *
   * @throws PurgeFailedException as {@link #purge}
   */
  public Invalidation purgeAll() {
    return cache.purgeAll();
  }

  public PageCache cache() {
    return cache;
  }

  Regenerator regenerator() {
    return regenerator;
  }

  public Prerenderer prerenderer() {
    return prerenderer;
  }

  public CacheStats stats() {
    return cache.stats();
  }

  /** False while the cluster's server cannot be reached (always true for a single node). */
  public boolean isClusterAvailable() {
    return storage.tagClock().isAvailable();
  }

  /** State shared with the other nodes of a cluster; {@link SharedState#NONE} for a single node. */
  public SharedState shared() {
    return storage.shared();
  }

  /** Told of every request served a page (never a 404). */
  void viewed(String key) {
    popularity.viewed(key);
  }

  /** The negative cache of 404s, apart from the page tiers that {@link #entryCount()} counts. */
  public NegativeCache.Report negativeCache() {
    return cache.negativeReport();
  }

  /** Renders running past their deadline now (see {@link IsrOptions#renderDeadlineMillis()}). */
  public int stuckRenders() {
    return regenerator.stuckRenders();
  }

  public long entryCount() {
    return storage.entryCount();
  }

  public int stampCount() {
    return cache.tagClock().stampCount();
  }

  @Override
  public void close() {
    maintenance.shutdownNow();
    Thread thread = prerenderThread;
    regenerator.close();
    try {
      // Short waits: a stop must reach storage.close() (the clean mark of the disk tier) quickly.
      if (thread != null) {
        thread.interrupt();
        thread.join(1_000);
      }
      background.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    storage.close();
  }
}
