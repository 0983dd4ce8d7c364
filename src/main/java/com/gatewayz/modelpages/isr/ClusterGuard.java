package com.gatewayz.modelpages.isr;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Whether this node may trust what its heap tiers hold of the cluster. The Terracotta server makes
 * every node drop its heap copy of a key before a strong write of it returns, unless that node's
 * connection closed or its lease expired (a partition); so a node counts itself attached only while
 * its last answer from the server is recent ({@code detachAfter}, well below the server's lease)
 * and no call found the connection gone. A call that merely timed out (a GC pause, a busy server, a
 * write held up by another node) detaches nothing by itself: the probes of the last {@code
 * detachAfter} must all have gone unanswered. Once detached, the node stays so until a fresh
 * connection is {@linkplain #attached() attached}: nothing kept from before is trusted again.
 * Thread-safe; {@link #isAttached()} is a volatile read and a clock read.
 */
class ClusterGuard {

  private static final Logger LOG = Logger.getLogger(ClusterGuard.class.getName());

  /** For a single node: always attached, and failures propagate. */
  static final ClusterGuard LOCAL =
      new ClusterGuard("local", Duration.ofDays(365), System::nanoTime) {
        @Override
        <T> T call(Supplier<T> operation, Supplier<T> fallback) {
          return operation.get();
        }

        @Override
        boolean isAttached() {
          return true;
        }
      };

  private final String server;
  private final long detachAfterNanos;
  private final LongSupplier nanoTime;
  private volatile boolean attached = true;
  private volatile long lastAnswer;

  /**
   * @param nanoTime the monotonic clock ({@code System::nanoTime}); tests move it by hand
   */
  ClusterGuard(String server, Duration detachAfter, LongSupplier nanoTime) {
    this.server = server;
    this.detachAfterNanos = detachAfter.toNanos();
    this.nanoTime = nanoTime;
    this.lastAnswer = nanoTime.getAsLong();
  }

  /** Whether the heap tiers can be trusted now: attached, and the server answered recently. */
  boolean isAttached() {
    return attached && nanoTime.getAsLong() - lastAnswer < detachAfterNanos;
  }

  /**
   * The server answered a call sent at {@code sentNanos}. An answer that comes after the node had
   * gone too long without one does not make up for the gap: the node detaches.
   */
  void answered(long sentNanos) {
    if (nanoTime.getAsLong() - lastAnswer >= detachAfterNanos) {
      detach("no answer from the server for over " + detachAfterNanos / 1_000_000 + " ms");
    } else if (sentNanos > lastAnswer) {
      lastAnswer = sentNanos;
    }
  }

  /**
   * A call failed: a lost connection detaches at once, a timeout only counts towards the deadline.
   */
  void failed(Throwable failure) {
    if (!isTimeout(failure)) {
      if (attached) {
        LOG.log(Level.FINE, "[Cluster] the call that cut this node off", failure);
      }
      detach(failure.toString());
    }
  }

  /**
   * Detaches if the deadline passed without an answer; for the probe, so the loss is logged when it
   * happens.
   */
  void checkDeadline() {
    if (attached && !isAttached()) {
      detach("no answer from the server for over " + detachAfterNanos / 1_000_000 + " ms");
    }
  }

  void detach(String reason) {
    if (attached) {
      attached = false;
      LOG.log(
          Level.WARNING,
          "[Cluster] cut off from the Terracotta server "
              + server
              + " ("
              + reason
              + "); rendering every page until a fresh connection is made");
    }
  }

  /** The node is closing: nothing is trusted from now on (no loss to log). */
  void closing() {
    attached = false;
  }

  /** Whether the node gave up its connection and must make a fresh one. */
  boolean isDetached() {
    return !attached;
  }

  /** A fresh connection is ready: its heap tiers hold nothing from before. */
  void attached() {
    attached(nanoTime.getAsLong());
  }

  /**
   * A fresh connection is ready, and its first call was sent at {@code sentNanos}: the node trusts
   * it from that answer on, as from a probe's (not from now: the link may have failed since).
   */
  void attached(long sentNanos) {
    lastAnswer = sentNanos;
    if (!attached) {
      attached = true;
      LOG.info(
          "[Cluster] connected again to the Terracotta server "
              + server
              + "; using the shared cache");
    }
  }

  String server() {
    return server;
  }

  /**
   * Runs {@code operation} against the cluster, or {@code fallback} when detached or when it fails.
   */
  <T> T call(Supplier<T> operation, Supplier<T> fallback) {
    if (!isAttached()) {
      return fallback.get();
    }
    try {
      return operation.get();
    } catch (RuntimeException e) {
      failed(e);
      return fallback.get();
    }
  }

  void run(Runnable operation) {
    call(
        () -> {
          operation.run();
          return null;
        },
        () -> null);
  }

  static boolean isTimeout(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof TimeoutException) {
        return true;
      }
    }
    return false;
  }
}
