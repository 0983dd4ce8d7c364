package com.gatewayz.modelpages.isr;

import com.gatewayz.modelpages.testing.ManualExecutor;
import com.gatewayz.modelpages.testing.MutableClock;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * An ISR engine over Ehcache with a fake renderer, a hand-moved clock and chosen background work.
 */
final class IsrFixture implements AutoCloseable {

  static final int REVALIDATE_SECONDS = 60;

  final FakeRenderer renderer = new FakeRenderer();
  final MutableClock clock = MutableClock.atEpochSeconds(1_700_000_000);
  final Isr isr;
  final FakePopularity popularity = new FakePopularity();

  private IsrFixture(
      CacheSizing sizing, ExecutorService background, boolean dynamicParams, long waitMillis) {
    this(
        sizing,
        background,
        new IsrOptions(REVALIDATE_SECONDS, dynamicParams, 10, "popular", waitMillis));
  }

  // One pre-render thread unless a test asks for more: the order of a pass's pages is then fixed.
  private IsrFixture(CacheSizing sizing, ExecutorService background, IsrOptions options) {
    this(sizing, background, options, 1);
  }

  private IsrFixture(
      CacheSizing sizing, ExecutorService background, IsrOptions options, int prerenderThreads) {
    isr =
        new Isr(
            CacheStorage.open(sizing),
            renderer,
            popularity,
            options,
            clock,
            background,
            prerenderThreads);
  }

  /** Heap only, background work queued for the test to run. */
  static IsrFixture inMemory(ManualExecutor background) {
    return new IsrFixture(memory(), background, true, 5_000);
  }

  static IsrFixture inMemory(ExecutorService background, boolean dynamicParams) {
    return new IsrFixture(memory(), background, dynamicParams, 5_000);
  }

  /** Heap, off-heap and a persistent disk tier under {@code directory}. */
  static IsrFixture persistent(Path directory, ExecutorService background) {
    return new IsrFixture(
        new CacheSizing(directory, 100, 8, 32, Optional.empty()), background, true, 5_000);
  }

  /** Heap only, with a short bound on waiting for another request's render. */
  static IsrFixture withRenderWait(ExecutorService background, long waitMillis) {
    return new IsrFixture(memory(), background, true, waitMillis);
  }

  /**
   * Heap only, renders replaced after {@code deadlineMillis} on the clock, at most {@code maxStuck}
   * left hanging.
   */
  static IsrFixture withRenderDeadline(
      ExecutorService background, long waitMillis, long deadlineMillis, int maxStuck) {
    IsrOptions options =
        new IsrOptions(
            REVALIDATE_SECONDS, true, 10, "popular", waitMillis, deadlineMillis, maxStuck);
    return new IsrFixture(memory(), background, options);
  }

  /** Heap only, pre-rendering {@code threads} pages at once. */
  static IsrFixture withPrerenderThreads(ExecutorService background, int threads) {
    IsrOptions options = new IsrOptions(REVALIDATE_SECONDS, true, 10, "popular", 5_000);
    return new IsrFixture(memory(), background, options, threads);
  }

  private static CacheSizing memory() {
    return new CacheSizing(Path.of("unused"), 1000, 0, 0, Optional.empty());
  }

  PageCache cache() {
    return isr.cache();
  }

  Lookup.State state(String key) {
    return cache().lookup(key).state();
  }

  @Override
  public void close() {
    isr.close();
  }
}
