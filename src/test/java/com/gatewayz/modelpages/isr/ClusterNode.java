package com.gatewayz.modelpages.isr;

import com.gatewayz.modelpages.testing.ManualExecutor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * One node of a cluster for engine-level tests: an ISR engine on the clustered tier of a Terracotta
 * server at {@code uri}, with the renderer the test gives (several nodes may share one, as they
 * share a catalog). {@link #read} answers a key as a request would.
 */
final class ClusterNode implements AutoCloseable {

  static final Duration TIMEOUT = Duration.ofMillis(500);
  static final Duration DETACH_AFTER = Duration.ofSeconds(2);

  final Isr isr;
  final ClusterStorage storage;

  private ClusterNode(ClusterStorage storage, PageRenderer renderer) {
    this.storage = storage;
    this.isr =
        new Isr(
            storage,
            renderer,
            new FakePopularity(),
            new IsrOptions(3600, true, 0, "popular", 5_000),
            Clock.systemUTC(),
            new ManualExecutor());
  }

  static ClusterNode join(URI uri, PageRenderer renderer) {
    return new ClusterNode(ClusterStorage.open(sizing(uri, 16), Clock.systemUTC()), renderer);
  }

  static CacheSizing sizing(URI uri, long pagesMb) {
    return new CacheSizing(
        Path.of("unused"),
        1_000,
        0,
        0,
        Optional.empty(),
        Optional.of(new CacheSizing.Cluster(uri, pagesMb, TIMEOUT, DETACH_AFTER)));
  }

  PageCache cache() {
    return isr.cache();
  }

  boolean isAttached() {
    return isr.isClusterAvailable();
  }

  /** What a request for {@code key} is answered: the cached page while valid, else a render. */
  CachedPage read(String key) throws RenderFailedException {
    Lookup lookup = cache().lookup(key);
    if (lookup.state() == Lookup.State.FRESH || lookup.state() == Lookup.State.STALE) {
      return lookup.page();
    }
    return isr.regenerator().renderNow(key);
  }

  /** The version a {@link FakeRenderer} page shows ({@code <html>name vN</html>}). */
  static int versionOf(CachedPage page) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    try {
      Gzip.inflateTo(page.gzipBody(), body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String html = body.toString(StandardCharsets.UTF_8);
    int at = html.lastIndexOf(" v");
    return Integer.parseInt(html.substring(at + 2, html.indexOf('<', at)));
  }

  @Override
  public void close() {
    isr.close();
  }
}
