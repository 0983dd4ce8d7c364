package com.gatewayz.modelpages.isr;

import com.gatewayz.modelpages.platform.Settings;
import com.gatewayz.modelpages.testing.ManualExecutor;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * The cache HIT path as {@link IsrFilter} runs it for a fresh entry: {@code Isr.serve} (the Ehcache
 * lookup, the validity check against the tag clock, the freshness check, the hit counted) and
 * {@link PageWriter#write} of the stored gzip bytes with the cache headers. 5,000 pre-rendered
 * model pages (~20 KB of HTML, ~5 KB gzip, ~20 tags each) requested with Zipf(s=1) keys, as
 * Caffeine's {@code GetPutBenchmark}.
 *
 * <p>Baselines, in the same run, so the results read as ratios: {@link #baseline} is a {@code
 * ConcurrentHashMap<String, byte[]>} get and the same single write of the same bytes to the same
 * response; {@link #hitAfterPurge} purges an unrelated tag every {@value #PURGE_EVERY} hits of a
 * thread, so each entry's validity memo is cold once (a full tag check), then warm again; {@link
 * #hitIdentity} is a client without gzip, served from the identity copies ({@link IdentityBodies},
 * sized like the page tiers: every page with {@code sizing=heap}, the default budget otherwise) or
 * inflated when its copy is not held. Each runs on one thread and on two ({@code *Threads2}).
 *
 * <p>Not a test: {@code mvn -Pbench test-compile exec:exec [-Dbench.args="..."]}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class HitPathBenchmark {

  static final int PAGES = 5_000;
  static final int PURGE_EVERY = 5_000;
  private static final int TRACE_LENGTH = 1 << 20;
  private static final int TRACE_MASK = TRACE_LENGTH - 1;
  private static final long SEED = 20_240_601L;
  private static final List<String> UNRELATED_TAG = List.of("model:not-on-any-page");

  // Views are not part of the measured path (they were not before the engine counted them).
  private static final Popularity NO_VIEWS =
      new Popularity() {
        @Override
        public List<String> mostPopularKeys(int limit) {
          return List.of();
        }

        @Override
        public void viewed(String key) {}
      };

  /** The page keys and a Zipf(s=1) trace over them, the most popular scattered among the keys. */
  @State(Scope.Benchmark)
  public static class Corpus {
    final List<String> keys = PageRendererForBench.keys(PAGES);
    final String[] trace = zipfTrace(keys, TRACE_LENGTH, SEED);
    // As IsrFilter remembers the key of a path: one PageKey per page, made once.
    final PageKey[] traceKeys = pageKeys(trace);
  }

  private static PageKey[] pageKeys(String[] trace) {
    Map<String, PageKey> keys = new HashMap<>();
    return Arrays.stream(trace)
        .map(key -> keys.computeIfAbsent(key, k -> new PageKey(k, true, false)))
        .toArray(PageKey[]::new);
  }

  /** The ISR engine over Ehcache with every page pre-rendered, served with the system clock. */
  @State(Scope.Benchmark)
  public static class Engine {

    /**
     * {@code heap}: every page on the heap tier. {@code default}: the sizing the application starts
     * with (2,000 heap entries over 64 MB off-heap; no disk, which a hit never reaches here).
     */
    @Param({"heap", "default"})
    String sizing;

    final Clock clock = Clock.systemUTC();
    Isr isr;
    PageCache cache;
    PageWriter writer;

    @Setup(Level.Trial)
    public void open(Corpus corpus) throws RenderFailedException, IOException {
      IsrOptions options =
          new IsrOptions(
              Settings.DEFAULT_REVALIDATE_SECONDS,
              true,
              0,
              "models:popular",
              IsrOptions.DEFAULT_RENDER_WAIT_MILLIS);
      isr =
          new Isr(
              CacheStorage.open(cacheSizing()),
              new PageRendererForBench(),
              NO_VIEWS,
              options,
              clock,
              new ManualExecutor());
      cache = isr.cache();
      long identityBytes = 0;
      for (String key : corpus.keys) {
        identityBytes += isr.regenerator().renderNow(key).identityLength();
      }
      writer = new PageWriter(options.revalidateSeconds(), identityCopyBytes(identityBytes));
      for (String key : corpus.keys) {
        checkServes(key);
      }
    }

    // Identity copies sized like the page tiers: all pages on the heap, or the default budget.
    private long identityCopyBytes(long allPages) {
      return "heap".equals(sizing) ? 2 * allPages : IdentityBodies.DEFAULT_MAX_BYTES;
    }

    private CacheSizing cacheSizing() {
      Path unused = Path.of("unused");
      return switch (sizing) {
        case "heap" -> new CacheSizing(unused, 2L * PAGES, 0, 0, Optional.empty());
        case "default" ->
            new CacheSizing(
                unused,
                Settings.DEFAULT_CACHE_HEAP_ENTRIES,
                Settings.DEFAULT_CACHE_OFFHEAP_MB,
                0,
                Optional.empty());
        default ->
            throw new IllegalArgumentException("sizing must be heap or default, not " + sizing);
      };
    }

    // Fails the run, rather than measuring something else, unless both encodings are served as
    // HITs.
    private void checkServes(String key) throws IOException {
      CachedPage page = cache.store().get(key);
      ResponseForBench response = new ResponseForBench();
      PageKey pageKey = new PageKey(key, true, false);
      long gzipBytes = serve(pageKey, RequestForBench.gzip(), response);
      boolean gzip =
          gzipBytes == page.gzipLength()
              && response.contentLength() == page.gzipLength()
              && "gzip".equals(response.getHeader("Content-Encoding"));
      long identityBytes = serve(pageKey, RequestForBench.identity(), response) - gzipBytes;
      boolean identity =
          identityBytes == page.identityLength() && response.getHeader("Content-Encoding") == null;
      if (!gzip || !identity || !"HIT".equals(response.getHeader("X-Cache"))) {
        throw new IllegalStateException("a HIT of " + key + " did not write the stored page");
      }
    }

    /**
     * What {@link IsrFilter} does for a fresh entry; returns the body bytes the response took so
     * far.
     */
    long serve(PageKey key, RequestForBench request, ResponseForBench response) throws IOException {
      response.recycle();
      Served served = isr.serve(key);
      if (served.state() != Served.State.HIT) {
        throw new IllegalStateException(key.value() + " is " + served.state() + ", not a HIT");
      }
      writer.write(request, response, served, clock.millis());
      return response.bytesWritten();
    }

    void purgeUnrelatedTag() {
      isr.purge(UNRELATED_TAG, List.of());
    }

    @TearDown(Level.Trial)
    public void close() {
      isr.close();
    }
  }

  /** Baseline (a): the same gzip bytes in a plain concurrent map. */
  @State(Scope.Benchmark)
  public static class PlainMap {
    final ConcurrentHashMap<String, byte[]> pages = new ConcurrentHashMap<>();

    @Setup(Level.Trial)
    public void fill(Corpus corpus) {
      PageRendererForBench renderer = new PageRendererForBench();
      for (String key : corpus.keys) {
        pages.put(key, Gzip.compress(renderer.render(new PageKey(key, true, false)).body()));
      }
    }
  }

  /** One client thread: its place in the trace, its requests and the response it reuses. */
  @State(Scope.Thread)
  public static class Client {
    final RequestForBench gzip = RequestForBench.gzip();
    final RequestForBench identity = RequestForBench.identity();
    final ResponseForBench response = new ResponseForBench();
    int index;
    int hitsSincePurge;

    @Setup(Level.Trial)
    public void start() {
      index = ThreadLocalRandom.current().nextInt(TRACE_LENGTH);
    }

    String nextKey(Corpus corpus) {
      return corpus.trace[index++ & TRACE_MASK];
    }

    PageKey nextPageKey(Corpus corpus) {
      return corpus.traceKeys[index++ & TRACE_MASK];
    }
  }

  @Benchmark
  public long baseline(Corpus corpus, PlainMap map, Client client) throws IOException {
    ResponseForBench response = client.response;
    response.recycle();
    byte[] body = map.pages.get(client.nextKey(corpus));
    response.getOutputStream().write(body);
    return response.bytesWritten();
  }

  @Benchmark
  @Threads(2)
  public long baselineThreads2(Corpus corpus, PlainMap map, Client client) throws IOException {
    return baseline(corpus, map, client);
  }

  @Benchmark
  public long hit(Corpus corpus, Engine engine, Client client) throws IOException {
    return engine.serve(client.nextPageKey(corpus), client.gzip, client.response);
  }

  @Benchmark
  @Threads(2)
  public long hitThreads2(Corpus corpus, Engine engine, Client client) throws IOException {
    return hit(corpus, engine, client);
  }

  @Benchmark
  public long hitAfterPurge(Corpus corpus, Engine engine, Client client) throws IOException {
    if (++client.hitsSincePurge == PURGE_EVERY) {
      client.hitsSincePurge = 0;
      engine.purgeUnrelatedTag();
    }
    return engine.serve(client.nextPageKey(corpus), client.gzip, client.response);
  }

  @Benchmark
  @Threads(2)
  public long hitAfterPurgeThreads2(Corpus corpus, Engine engine, Client client)
      throws IOException {
    return hitAfterPurge(corpus, engine, client);
  }

  @Benchmark
  public long hitIdentity(Corpus corpus, Engine engine, Client client) throws IOException {
    return engine.serve(client.nextPageKey(corpus), client.identity, client.response);
  }

  @Benchmark
  @Threads(2)
  public long hitIdentityThreads2(Corpus corpus, Engine engine, Client client) throws IOException {
    return hitIdentity(corpus, engine, client);
  }

  /**
   * {@code length} keys drawn with probability 1/rank, ranks given to the keys in a seeded shuffle.
   */
  static String[] zipfTrace(List<String> keys, int length, long seed) {
    List<String> byRank = new ArrayList<>(keys);
    Collections.shuffle(byRank, new Random(seed));
    double[] cumulative = new double[byRank.size()];
    double sum = 0;
    for (int rank = 0; rank < cumulative.length; rank++) {
      sum += 1.0 / (rank + 1);
      cumulative[rank] = sum;
    }
    SplittableRandom random = new SplittableRandom(seed);
    String[] trace = new String[length];
    for (int i = 0; i < length; i++) {
      int found = Arrays.binarySearch(cumulative, random.nextDouble() * sum);
      trace[i] = byRank.get(found >= 0 ? found : -found - 1);
    }
    return trace;
  }
}
