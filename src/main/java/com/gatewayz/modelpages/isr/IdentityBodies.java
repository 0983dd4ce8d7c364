package com.gatewayz.modelpages.isr;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.ref.WeakReference;

/**
 * Identity bodies for clients without gzip. Pages up to {@value #MAX_COPIED_BYTES} bytes keep an
 * inflated copy in a cache bounded in bytes (the most used pages stay); larger pages are inflated
 * through a fixed buffer straight to the client, never whole in memory. Copies are keyed by the
 * body's content hash, so a copy can never belong to another version of a page.
 *
 * <p>The entry itself points weakly at its copy: a hit follows that pointer and tells the cache of
 * one in {@value #USE_SAMPLE} uses (its eviction policy needs the proportions, not every read, and
 * recording every read costs more than the hit). A copy the cache evicted is gone at the next GC.
 */
final class IdentityBodies {

  static final long DEFAULT_MAX_BYTES = 16L * 1024 * 1024;
  static final int MAX_COPIED_BYTES = 256 * 1024;
  static final int USE_SAMPLE = 16;

  private final Cache<String, byte[]> copies;
  private final long maxBytes;

  IdentityBodies(long maxBytes) {
    this.maxBytes = maxBytes;
    this.copies =
        Caffeine.newBuilder()
            .maximumWeight(maxBytes)
            .weigher((String hash, byte[] body) -> body.length)
            .executor(Runnable::run)
            .build();
  }

  void write(CachedPage page, OutputStream out) throws IOException {
    WeakReference<byte[]> remembered = page.identityCopy;
    byte[] copy = remembered == null ? null : remembered.get();
    if (copy != null) {
      if (++page.identityReads % USE_SAMPLE == 0) {
        copies.getIfPresent(page.hash());
      }
      out.write(copy);
    } else if (page.identityLength() <= MAX_COPIED_BYTES && page.identityLength() <= maxBytes) {
      copy = copies.get(page.hash(), hash -> page.identityBody());
      page.identityCopy = new WeakReference<>(copy);
      out.write(copy);
    } else {
      Gzip.inflateTo(page.gzipBody(), out);
    }
  }

  /** Bytes of identity copies held now. */
  long heldBytes() {
    copies.cleanUp();
    return copies.policy().eviction().orElseThrow().weightedSize().orElse(0);
  }
}
