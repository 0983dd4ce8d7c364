package com.gatewayz.modelpages.gateway;

import com.gatewayz.modelpages.catalog.CatalogChange;
import com.gatewayz.modelpages.catalog.CatalogService;
import com.gatewayz.modelpages.catalog.CatalogState;
import com.gatewayz.modelpages.gateway.FetchResult.Failed;
import com.gatewayz.modelpages.gateway.FetchResult.Fetched;
import com.gatewayz.modelpages.gateway.RefreshSummary.GatewayRun;
import com.gatewayz.modelpages.platform.DaemonThreads;
import com.gatewayz.modelpages.platform.Settings;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One refresh of the catalog from every enabled gateway: fetch all lists in parallel (at most
 * {@value #THREADS} at a time), then apply every list that arrived in one {@link
 * CatalogService#update} (one swap, one durable write, one purge pass by the catalog's listeners).
 * A gateway that fails or is skipped keeps its last good models, and so does one whose list would
 * retire most of them until that list is confirmed ({@link DropGuard}). Thread-safe: runs never
 * overlap, and a {@link #runOnce()} while another is in progress returns at once with {@link
 * RefreshSummary#alreadyRunning()} set, so timer ticks and admin calls never queue up.
 */
public final class RefreshJob implements AutoCloseable {

  static final int THREADS = 4;

  private final GatewayRegistry registry;
  private final GatewayFetcher fetcher;
  private final CatalogService catalog;
  private final Clock clock;
  private final StatusBook book = new StatusBook();
  private final DropGuard dropGuard;
  private final AtomicBoolean running = new AtomicBoolean();
  private final ThreadPoolExecutor pool;
  private final List<Consumer<RefreshSummary>> listeners = new CopyOnWriteArrayList<>();

  public RefreshJob(
      GatewayRegistry registry, GatewayFetcher fetcher, CatalogService catalog, Clock clock) {
    this(registry, fetcher, catalog, clock, Settings.DEFAULT_GATEWAY_DROP_CONFIRMATIONS);
  }

  /**
   * @param dropConfirmations how many times in a row a gateway must answer the same empty list, or
   *     the same list with less than half of its last one, before it is applied (1: at once)
   */
  public RefreshJob(
      GatewayRegistry registry,
      GatewayFetcher fetcher,
      CatalogService catalog,
      Clock clock,
      int dropConfirmations) {
    this.dropGuard = new DropGuard(dropConfirmations);
    this.registry = registry;
    this.fetcher = fetcher;
    this.catalog = catalog;
    this.clock = clock;
    this.pool =
        new ThreadPoolExecutor(
            THREADS,
            THREADS,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            DaemonThreads.named("model-pages-gateway-fetch"));
    pool.allowCoreThreadTimeOut(true);
  }

  /** Told of every run that took place (metrics, the admin audit), on the running thread. */
  public void addListener(Consumer<RefreshSummary> listener) {
    listeners.add(listener);
  }

  /** Refreshes now on the calling thread (fetches run on the job's pool); logs as it goes. */
  public RefreshSummary runOnce() {
    if (pool.isShutdown()) {
      RefreshLog.notStarted("the refresh job is closed");
      return RefreshSummary.notRun(clock.instant(), false, catalog.current().size(), "closed");
    }
    if (!running.compareAndSet(false, true)) {
      RefreshLog.notStarted("a run is in progress");
      return RefreshSummary.notRun(clock.instant(), true, catalog.current().size(), null);
    }
    try {
      return run();
    } finally {
      running.set(false);
    }
  }

  private RefreshSummary run() {
    Instant startedAt = clock.instant();
    long start = System.nanoTime();
    List<FetchResult> results = dropGuard.screen(fetchAll(registry.enabled()), catalog.state());
    List<Fetched> accepted = fetched(results);
    CombinedRefresh refresh = new CombinedRefresh(accepted);
    CatalogChange change = null;
    String error = null;
    try {
      change = refresh.isEmpty() ? null : catalog.update(refresh).change();
      dropGuard.applied(accepted);
    } catch (RuntimeException e) {
      error = "applying the refresh failed: " + e;
      RefreshLog.applyFailed(error, e);
    }
    List<GatewayRun> runs = report(results, refresh, error, startedAt);
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    RefreshSummary summary =
        RefreshSummary.of(startedAt, millis, runs, catalog.current().size(), change, error);
    RefreshLog.summary(summary);
    listeners.forEach(listener -> listener.accept(summary));
    return summary;
  }

  private List<FetchResult> fetchAll(List<Gateway> gateways) {
    List<Future<FetchResult>> futures = new ArrayList<>();
    gateways.forEach(gateway -> futures.add(pool.submit(() -> fetcher.fetch(gateway))));
    List<FetchResult> results = new ArrayList<>();
    for (int i = 0; i < gateways.size(); i++) {
      results.add(await(gateways.get(i), futures.get(i)));
    }
    return results;
  }

  private static FetchResult await(Gateway gateway, Future<FetchResult> future) {
    try {
      return future.get();
    } catch (ExecutionException e) {
      return new Failed(gateway, Failures.INTERNAL, "unexpected " + e.getCause(), 0, 0, false);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(true);
      return new Failed(gateway, Failures.INTERNAL, "interrupted", 0, 0, false);
    }
  }

  private static List<Fetched> fetched(List<FetchResult> results) {
    List<Fetched> fetched = new ArrayList<>();
    results.forEach(
        result -> {
          if (result instanceof Fetched list) {
            fetched.add(list);
          }
        });
    return fetched;
  }

  private List<GatewayRun> report(
      List<FetchResult> results, CombinedRefresh refresh, String error, Instant startedAt) {
    CatalogState state = catalog.state();
    Instant now = clock.instant();
    List<GatewayRun> runs = new ArrayList<>();
    for (FetchResult result : results) {
      GatewayRun run = GatewayRuns.of(result, refresh, error, state);
      List<String> entries = result instanceof Fetched f ? f.list().skipped() : List.of();
      StatusBook.Progress before = book.record(run, startedAt, now, entries);
      RefreshLog.gateway(run, before);
      if (result instanceof Fetched f && error == null && f.list().skippedCount() > 0) {
        RefreshLog.skippedEntries(run.id(), entries, f.list().skippedCount(), before);
      }
      runs.add(run);
    }
    return runs;
  }

  /** Every gateway of the registry, enabled or not, in merge order, as it stands now. */
  public List<GatewayStatus> statuses() {
    CatalogState state = catalog.state();
    List<GatewayStatus> statuses = new ArrayList<>();
    for (Gateway gateway : registry.all()) {
      int models = GatewayRuns.visibleModels(state, gateway.id());
      statuses.add(book.status(gateway, models, fetcher.circuitState(gateway.id())));
    }
    return statuses;
  }

  /** Stops the fetch pool; a later {@link #runOnce()} does nothing. Does not close the fetcher. */
  @Override
  public void close() {
    pool.shutdownNow();
  }
}
