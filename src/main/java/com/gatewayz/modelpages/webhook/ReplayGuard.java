package com.gatewayz.modelpages.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Objects;

/**
 * Remembers {@code webhook-id}s so a delivery is processed once: an id is in flight from its {@link
 * #claim} until its delivery is committed ({@link #complete}: then it is done, and a later delivery
 * of it is a duplicate for {@link #WINDOW}) or failed ({@link #release}: then it is forgotten, so
 * the sender's retry is processed). An id in flight for longer than the window (a delivery that
 * never ended) is forgotten too.
 *
 * <p>Holds at most {@link #MAX_IDS} ids, evicting the oldest when full; expired ids are dropped
 * lazily as new ones are recorded, in amortised constant time. Null and blank ids (the legacy
 * schemes have none) are never remembered. Thread-safe: every method is atomic.
 */
public final class ReplayGuard {

  /** How long a done id is remembered, and the longest an id stays in flight. */
  public static final Duration WINDOW = Duration.ofMinutes(10);

  /** The most ids remembered at once. */
  public static final int MAX_IDS = 100_000;

  /** What {@link #claim} found. */
  public enum Claim {
    /** Not seen within the window, or a null or blank id: the caller processes the delivery. */
    NEW,
    /** Another delivery of this id is being processed: the caller must not apply it too. */
    IN_FLIGHT,
    /** A delivery of this id was committed within the window: a duplicate. */
    DONE
  }

  private record Entry(boolean done, Instant expiresAt) {}

  private final Clock clock;
  private final Duration window;
  private final int capacity;
  // In the order ids were last recorded, which is the order they expire in: a recorded id is
  // removed and put again, so it moves to the end.
  private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();

  /**
   * A guard remembering ids for {@link #WINDOW}, at most {@link #MAX_IDS} of them.
   *
   * @throws NullPointerException when {@code clock} is null
   */
  public ReplayGuard(Clock clock) {
    this(clock, WINDOW, MAX_IDS);
  }

  ReplayGuard(Clock clock, Duration window, int capacity) {
    if (window.isNegative() || window.isZero() || capacity < 1) {
      throw new IllegalArgumentException("window and capacity must be positive");
    }
    this.clock = Objects.requireNonNull(clock, "clock");
    this.window = window;
    this.capacity = capacity;
  }

  /**
   * Claims {@code id} for a delivery about to be processed ({@link Claim#NEW}: it is now in flight,
   * until {@link #complete} or {@link #release}), or says why not. Null or blank ids are always
   * {@link Claim#NEW} and not recorded.
   */
  public synchronized Claim claim(String id) {
    if (isBlank(id)) {
      return Claim.NEW;
    }
    Instant now = clock.instant();
    dropExpired(now);
    Entry entry = entries.get(id);
    if (entry != null) {
      return entry.done() ? Claim.DONE : Claim.IN_FLIGHT;
    }
    record(id, false, now);
    return Claim.NEW;
  }

  /**
   * The delivery of {@code id} is committed (applied, stored, purged): later deliveries of it are
   * duplicates for {@link #WINDOW} from now. Does nothing for null or blank ids.
   */
  public synchronized void complete(String id) {
    if (!isBlank(id)) {
      Instant now = clock.instant();
      dropExpired(now);
      record(id, true, now);
    }
  }

  /**
   * Forgets {@code id}, so the sender's retry of a delivery whose processing failed is processed.
   * Does nothing for null or unknown ids.
   */
  public synchronized void release(String id) {
    if (id != null) {
      entries.remove(id);
    }
  }

  /** How many ids are remembered, expired ones not yet dropped included. */
  synchronized int size() {
    return entries.size();
  }

  private static boolean isBlank(String id) {
    return id == null || id.isBlank();
  }

  private void record(String id, boolean done, Instant now) {
    entries.remove(id);
    Iterator<String> oldest = entries.keySet().iterator();
    while (entries.size() >= capacity) {
      oldest.next();
      oldest.remove();
    }
    entries.put(id, new Entry(done, now.plus(window)));
  }

  private void dropExpired(Instant now) {
    Iterator<Entry> oldest = entries.values().iterator();
    while (oldest.hasNext() && !now.isBefore(oldest.next().expiresAt())) {
      oldest.remove();
    }
  }
}
