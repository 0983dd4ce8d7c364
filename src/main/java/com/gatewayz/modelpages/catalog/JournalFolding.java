package com.gatewayz.modelpages.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Logger;

/**
 * The snapshot that folds a long journal, written off the catalog writer's path (a second at
 * 100,000 models): the state as of one journal line goes to the snapshot file on a thread of its
 * own, and the journal lines written meanwhile are kept to become the journal once it is in place.
 * At most one is written at a time. Not thread-safe: the catalog store's caller owns it.
 */
final class JournalFolding implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(JournalFolding.class.getName());

  /** A snapshot in place: its size, and the journal lines it does not hold. */
  record Folded(long snapshotBytes, List<byte[]> linesSince) {}

  private final SnapshotFile snapshot;
  private final ExecutorService threads;
  private CompletableFuture<Long> written;
  private List<byte[]> linesSince;

  JournalFolding(SnapshotFile snapshot, ExecutorService threads) {
    this.snapshot = snapshot;
    this.threads = threads;
  }

  boolean isRunning() {
    return written != null;
  }

  /** Writes {@code state}, as of change {@code seq}, as the snapshot on the folding thread. */
  void start(CatalogState state, long seq) {
    try {
      written =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return snapshot.write(state, seq);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              },
              threads);
      linesSince = new ArrayList<>();
    } catch (RejectedExecutionException e) {
      // closed: the journal keeps every change
    }
  }

  /** A journal line written while the snapshot is being written. */
  void appended(byte[] line) {
    if (written != null) {
      linesSince.add(line);
    }
  }

  /**
   * The snapshot written since {@link #start}, once it is in place; null while it is written, or
   * when it failed (logged: the journal keeps every change and the next one tries again).
   */
  Folded takeIfDone() {
    if (written == null || !written.isDone()) {
      return null;
    }
    CompletableFuture<Long> done = written;
    written = null;
    try {
      return new Folded(done.join(), linesSince);
    } catch (CompletionException e) {
      LOG.warning(
          "[Catalog] writing the snapshot failed ("
              + e.getCause()
              + "); the journal keeps every change and the next one tries again");
      return null;
    }
  }

  /** Waits for a snapshot being written and forgets it: a newer one is about to be written. */
  void await() {
    if (written != null) {
      try {
        written.join();
      } catch (CompletionException e) {
        // superseded by the snapshot written now
      }
      written = null;
    }
  }

  /** Waits for a snapshot being written, then stops the thread that writes them. */
  @Override
  public void close() {
    await();
    threads.shutdown();
  }
}
