package com.gatewayz.modelpages.isr;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Identity bodies for clients without gzip. Pages up to {@value #MAX_COPIED_BYTES} bytes keep an
 * inflated copy in a cache bounded in bytes (the most used pages stay); larger pages are inflated
 * through a fixed buffer straight to the client, never whole in memory. Copies are keyed by the
 * body's content hash, so a copy can never belong to another version of a page.
 */
final class IdentityBodies {

  static final long DEFAULT_MAX_BYTES = 16L * 1024 * 1024;
  static final int MAX_COPIED_BYTES = 256 * 1024;

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
    if (page.identityLength() <= MAX_COPIED_BYTES && page.identityLength() <= maxBytes) {
      out.write(copies.get(page.hash(), hash -> page.identityBody()));
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
