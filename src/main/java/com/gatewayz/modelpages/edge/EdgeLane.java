package com.gatewayz.modelpages.edge;

import io.github.resilience4j.core.IntervalFunction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers the outbox to one edge, on a thread of its own so a slow edge delays no other. A failed
 * delivery is tried again after 1 s, doubling to 5 min (or when the edge's Retry-After says); after
 * {@value #FAILURES_TO_OPEN} failures in a row the circuit counts as open: one trial per back-off
 * interval, closed again by the first success.
 */
final class EdgeLane implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(EdgeLane.class.getName());

  static final Duration FIRST_RETRY = Duration.ofSeconds(1);
  static final Duration MAX_RETRY = Duration.ofMinutes(5);
  static final int FAILURES_TO_OPEN = 3;
  static final int MAX_NAMES_PER_DELIVERY = 1_000;
  static final long IDLE_WAIT_MILLIS = 60_000;
  private static final IntervalFunction BACKOFF =
      IntervalFunction.ofExponentialBackoff(FIRST_RETRY, 2.0, MAX_RETRY);

  private final Edge edge;
  private final PurgeOutbox outbox;
  private final Clock clock;
  private final EdgeMetrics metrics;
  private final Runnable onAttempt;
  private final ReentrantLock delivering = new ReentrantLock();
  private final ReentrantLock waiting = new ReentrantLock();
  private final Condition woken = waiting.newCondition();
  private boolean signalled;
  private volatile boolean closed;
  private Thread thread;

  // Delivery state: written under `delivering`, read by status() under this object's monitor.
  private int failures;
  private long nextAttemptMillis;
  private Instant lastAttempt;
  private Instant lastSuccess;
  private String lastError;
  private long delivered;
  private long failed;

  /** {@code onAttempt} runs after each delivery, whether it succeeded or failed. */
  EdgeLane(Edge edge, PurgeOutbox outbox, Clock clock, EdgeMetrics metrics, Runnable onAttempt) {
    this.edge = edge;
    this.outbox = outbox;
    this.clock = clock;
    this.metrics = metrics;
    this.onAttempt = onAttempt;
    metrics.register(this);
  }

  Edge edge() {
    return edge;
  }

  /**
   * Delivers what is pending, batch after batch, unless backing off; the number of purges
   * delivered.
   */
  int deliverDue() {
    delivering.lock();
    try {
      int count = 0;
      while (!closed && clock.millis() >= nextAttemptMillis()) {
        List<PurgeOutbox.Entry> batch = outbox.pending(edge.journalId(), MAX_NAMES_PER_DELIVERY);
        if (batch.isEmpty() || !deliver(batch)) {
          break;
        }
        count += batch.size();
      }
      return count;
    } finally {
      delivering.unlock();
    }
  }

  private boolean deliver(List<PurgeOutbox.Entry> batch) {
    try {
      return tryDeliver(batch);
    } finally {
      onAttempt.run();
    }
  }

  private boolean tryDeliver(List<PurgeOutbox.Entry> batch) {
    Instant start = clock.instant();
    try {
      edge.purge(PurgeOutbox.names(batch));
    } catch (EdgeException e) {
      failed(start, batch.size(), e.getMessage(), e.retryAfter().orElse(Duration.ZERO));
      return false;
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "[Edge] purging " + edge.name() + " failed unexpectedly", e);
      failed(start, batch.size(), e.toString(), Duration.ZERO);
      return false;
    }
    outbox.delivered(edge.journalId(), batch.get(batch.size() - 1).seq());
    succeeded(start, batch);
    return true;
  }

  private synchronized void succeeded(Instant start, List<PurgeOutbox.Entry> batch) {
    if (failures > 0) {
      LOG.info(
          () ->
              "[Edge] "
                  + edge.name()
                  + " accepts purges again after "
                  + failures
                  + " failed attempts");
    }
    failures = 0;
    nextAttemptMillis = 0;
    lastAttempt = start;
    lastSuccess = clock.instant();
    delivered += batch.size();
    metrics.delivered(edge.name(), batch, lastSuccess.toEpochMilli());
  }

  private synchronized void failed(Instant start, int purges, String message, Duration retryAfter) {
    failures++;
    Duration backoff = Duration.ofMillis(BACKOFF.apply(failures));
    Duration wait = retryAfter.compareTo(backoff) > 0 ? retryAfter : backoff;
    nextAttemptMillis = clock.millis() + wait.toMillis();
    lastAttempt = start;
    lastError = message;
    failed += purges;
    metrics.failed(edge.name(), purges);
    if (failures == 1 || failures == FAILURES_TO_OPEN) {
      LOG.warning(
          () ->
              "[Edge] purging "
                  + edge.name()
                  + " failed ("
                  + message
                  + "); "
                  + purges
                  + " purges wait, next try in "
                  + wait.toMillis()
                  + " ms");
    }
  }

  /** Whether this edge has every purge up to {@code seq}. */
  boolean has(long seq) {
    return outbox.cursor(edge.journalId()) >= seq;
  }

  /**
   * Whether this edge has every purge up to {@code seq}, or is failing (nobody should wait for it).
   */
  boolean hasOrIsFailing(long seq) {
    return has(seq) || failures() > 0;
  }

  private synchronized int failures() {
    return failures;
  }

  private synchronized long nextAttemptMillis() {
    return nextAttemptMillis;
  }

  synchronized EdgeStatus status() {
    long now = clock.millis();
    long lagMillis =
        outbox.oldestPendingMillis(edge.journalId()).stream()
            .map(at -> Math.max(0, now - at))
            .findFirst()
            .orElse(0);
    return new EdgeStatus(
        edge.name(),
        edge.kind(),
        edge.target(),
        circuit(now),
        outbox.pendingCount(edge.journalId()),
        lagMillis / 1000.0,
        delivered,
        failed,
        lastAttempt,
        lastSuccess,
        failures > 0 ? Instant.ofEpochMilli(nextAttemptMillis) : null,
        failures > 0 ? lastError : null);
  }

  private String circuit(long now) {
    if (failures < FAILURES_TO_OPEN) {
      return "closed";
    }
    return now >= nextAttemptMillis ? "half_open" : "open";
  }

  /** Starts the delivery thread: it delivers when woken and when a back-off ends. */
  void start() {
    thread = new Thread(this::run, "edge-purges-" + edge.name());
    thread.setDaemon(true);
    thread.start();
  }

  /** A purge was appended: deliver it now, unless backing off. */
  void wake() {
    waiting.lock();
    try {
      signalled = true;
      woken.signal();
    } finally {
      waiting.unlock();
    }
  }

  private void run() {
    while (!closed) {
      try {
        deliverDue();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "[Edge] delivering to " + edge.name() + " failed", e);
      }
      awaitWork();
    }
  }

  private void awaitWork() {
    long wait =
        outbox.pendingCount(edge.journalId()) > 0
            ? nextAttemptMillis() - clock.millis()
            : IDLE_WAIT_MILLIS;
    waiting.lock();
    try {
      if (!signalled && !closed && wait > 0) {
        woken.await(Math.min(wait, IDLE_WAIT_MILLIS), TimeUnit.MILLISECONDS);
      }
      signalled = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed = true;
    } finally {
      waiting.unlock();
    }
  }

  @Override
  public void close() {
    closed = true;
    wake();
    Thread running = thread;
    if (running != null) {
      running.interrupt();
      try {
        running.join(1_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
