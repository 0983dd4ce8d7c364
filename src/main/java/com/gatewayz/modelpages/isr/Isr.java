package com.gatewayz.modelpages.isr;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * The ISR engine: the one entry point of the filter ({@link #serve}, {@link #write}), purges, and
 * the figures of the cache. It assembles the parts (each with one job) and owns none of their work.
 * One per application; {@link #close()} on shutdown so the disk tier is marked clean.
 */
public final class Isr implements AutoCloseable {

  private static final long PRERENDER_RETRY_CHECK_SECONDS = 5;

  private final Storage storage;
  private final IsrOptions options;
  private final Clock clock;
  private final PageRenderer renderer;
  private final CacheStats stats = new CacheStats();
  private final PageCache cache;
  private final PrerenderedKeys prerendered;
  private final Purges purges;
  private final Regenerator regenerator;
  private final Serving serving;
  private final PageWriter writer;
  private final Prerenderer prerenderer;
  private final PopularRefresh popularRefresh;
  private final EngineThreads threads;

  Isr(
      Storage storage,
      PageRenderer renderer,
      Popularity popularity,
      IsrOptions options,
      Clock clock,
      ExecutorService background) {
    this(
        storage,
        renderer,
        popularity,
        options,
        clock,
        background,
        PrerenderWorkers.DEFAULT_THREADS);
  }

  /** As above, pre-rendering {@code prerenderThreads} pages at once (tests). */
  Isr(
      Storage storage,
      PageRenderer renderer,
      Popularity popularity,
      IsrOptions options,
      Clock clock,
      ExecutorService background,
      int prerenderThreads) {
    this.storage = storage;
    this.options = options;
    this.clock = clock;
    this.renderer = renderer;
    this.threads = new EngineThreads(background);
    this.cache =
        new PageCache(storage.pages(), storage.tagClock(), options.revalidateMillis(), clock);
    this.prerendered = new PrerenderedKeys(options.prerenderTag());
    this.purges = new Purges(storage.tagClock());
    Renders renders = new Renders(cache, renderer, prerendered, stats, clock);
    this.regenerator = new Regenerator(cache, renders, stats, background, clock, options);
    this.serving =
        new Serving(
            cache, regenerator, renderer, prerendered, popularity, stats, options.dynamicParams());
    this.writer = new PageWriter(options.revalidateSeconds());
    Supplier<List<String>> popular = () -> popularity.mostPopularKeys(options.prerenderLimit());
    this.prerenderer =
        new Prerenderer(
            cache,
            regenerator,
            prerendered,
            popular,
            renders::warmUp,
            background,
            clock,
            new PrerenderWorkers(prerenderThreads));
    this.popularRefresh = new PopularRefresh(cache, regenerator, popular, clock);
    purges.addListener(
        new PopularWarmer(cache, regenerator, prerendered, popular, background, clock));
    threads.every(PRERENDER_RETRY_CHECK_SECONDS, prerenderer::retryIfDue);
  }

  /**
   * Opens the cache storage and assembles the engine; pre-render starts with {@link
   * #startPrerender(Runnable)}.
   */
  public static Isr open(
      IsrOptions options,
      CacheSizing sizing,
      PageRenderer renderer,
      Popularity popularity,
      Clock clock) {
    return new Isr(
        Storage.open(sizing, clock),
        renderer,
        popularity,
        options,
        clock,
        EngineThreads.backgroundRenders());
  }

  /** The key of a request (see {@link PageRenderer#keyOf}); null when it names no page. */
  PageKey keyOf(String path, String rawQuery) {
    return renderer.keyOf(path, rawQuery);
  }

  /** Answers a request for a cacheable key: from the cache, or rendered now; never throws. */
  Served serve(PageKey key) {
    return serving.serve(key);
  }

  /** Writes what {@link #serve} answered, with the cache headers. */
  void write(Served served, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    writer.write(request, response, served, clock.millis());
  }

  /**
   * Pre-renders the most popular keys on a background thread, which first runs {@code
   * awaitStarted}: the server may still be starting the application when this is called.
   */
  public void startPrerender(Runnable awaitStarted) {
    if (options.prerenderLimit() == 0) {
      prerenderer.skip();
      return;
    }
    threads.startPrerender(() -> prerenderer.run(awaitStarted));
  }

  /** Pre-renders in the calling thread (tests, tools). */
  public void prerenderNow() {
    prerenderer.run(() -> {});
  }

  /**
   * Queues a background re-render of each of the most popular pages (as many as are pre-rendered)
   * whose revalidate deadline is near, so none is ever served STALE. Meant to run every {@link
   * #popularRefreshIntervalMillis()} on the refresh schedule; returns how many renders were queued.
   */
  public int refreshPopularBeforeExpiry() {
    return popularRefresh.run();
  }

  /**
   * How often {@link #refreshPopularBeforeExpiry()} should run: a fifth of the revalidate period, 1
   * s to 1 min.
   */
  public long popularRefreshIntervalMillis() {
    return popularRefresh.intervalMillis();
  }

  /**
   * Stamps the tags and paths; entries rendered before are never served again, on any node of a
   * cluster, once it returns. The tag {@code *} purges every entry, as {@link #purgeAll}. Listeners
   * are told only of purges made here and only once they succeeded.
   *
   * @throws PurgeFailedException when the purge cannot be put in force on every node of a cluster
   *     (this node is cut off, or the server did not confirm it in time): nothing is promised, the
   *     caller should answer 503 with {@code Retry-After: }{@link
   *     PurgeFailedException#retryAfterSeconds()} so the purge is sent again
   */
  public Invalidation purge(Collection<String> tags, Collection<String> paths) {
    return purges.purge(tags, paths);
  }

  /**
   * Invalidates every entry; listeners are told of the tag {@code *}.
   *
   * @throws PurgeFailedException as {@link #purge}
   */
  public Invalidation purgeAll() {
    return purges.purgeAll();
  }

  /** Adds a listener told after every purge made on this node, on the purging thread. */
  public void addPurgeListener(PurgeListener listener) {
    purges.addListener(listener);
  }

  /** The keys pre-rendered at start-up; they carry the pre-render tag. */
  public Set<String> prerenderedKeys() {
    return prerendered.all();
  }

  /** Whether the application may take traffic (see {@link Prerenderer#readiness()}). */
  public Prerenderer prerenderer() {
    return prerenderer;
  }

  public CacheStats stats() {
    return stats;
  }

  /** False while the cluster's server cannot be reached (always true for a single node). */
  public boolean isClusterAvailable() {
    return storage.tagClock().isAvailable();
  }

  /** State shared with the other nodes of a cluster; {@link SharedState#NONE} for a single node. */
  public SharedState shared() {
    return storage.shared();
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
    return storage.tagClock().stampCount();
  }

  PageCache cache() {
    return cache;
  }

  Regenerator regenerator() {
    return regenerator;
  }

  @Override
  public void close() {
    threads.close();
    storage.close();
  }
}
