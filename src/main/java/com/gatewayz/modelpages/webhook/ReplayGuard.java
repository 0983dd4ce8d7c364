package com.gatewayz.modelpages.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Remembers the {@code webhook-id}s of accepted deliveries for {@link #WINDOW} so a replayed
 * delivery is processed once.
 *
 * <p>Holds at most {@link #MAX_IDS} ids, evicting the oldest when full; expired ids are dropped
 * lazily as new ones are claimed, in amortised constant time. Null and blank ids (the legacy
 * schemes have none) are never duplicates. Thread-safe: every method is atomic.
 */
public final class ReplayGuard {

  /** How long a claimed id is remembered. */
  public static final Duration WINDOW = Duration.ofMinutes(10);

  /** The most ids remembered at once. */
  public static final int MAX_IDS = 100_000;

  private final Clock clock;
  private final Duration window;
  private final int capacity;
  // One lock over both structures: deliveries are rare, and it keeps claim's check-and-record and
  // the map/queue bookkeeping trivially consistent.
  private final Map<String, Claim> claims = new HashMap<>();
  private final Deque<Claim> claimOrder = new ArrayDeque<>();

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
   * Records {@code id} and returns true when it was not claimed within the window; returns false
   * for a replay. Null or blank ids always return true and are not recorded.
   */
  public synchronized boolean claim(String id) {
    if (id == null || id.isBlank()) {
      return true;
    }
    Instant now = clock.instant();
    dropExpired(now);
    Claim existing = claims.get(id);
    if (existing != null && !existing.isExpired(now)) {
      return false;
    }
    makeRoom();
    Claim claim = new Claim(id, now.plus(window));
    claims.put(id, claim);
    claimOrder.addLast(claim);
    return true;
  }

  /**
   * Forgets {@code id}, so the sender's retry of a delivery whose processing failed is accepted.
   * Does nothing for null or unknown ids.
   */
  public synchronized void release(String id) {
    if (id != null) {
      claims.remove(id);
    }
  }

  /** How many ids are remembered, expired ones not yet dropped included. */
  synchronized int size() {
    return claims.size();
  }

  private void dropExpired(Instant now) {
    while (!claimOrder.isEmpty() && claimOrder.peekFirst().isExpired(now)) {
      forget(claimOrder.pollFirst());
    }
  }

  // Bounds the queue, not just the map, so released ids that are still queued cannot grow it.
  private void makeRoom() {
    while (claimOrder.size() >= capacity) {
      forget(claimOrder.pollFirst());
    }
  }

  // Only removes the id if this claim is still its current one: it may have been released and
  // claimed again since.
  private void forget(Claim claim) {
    claims.remove(claim.id, claim);
  }

  /** One claim of an id; compared by identity so a later claim of the same id is distinct. */
  private static final class Claim {
    final String id;
    final Instant expiresAt;

    Claim(String id, Instant expiresAt) {
      this.id = id;
      this.expiresAt = expiresAt;
    }

    boolean isExpired(Instant now) {
      return !now.isBefore(expiresAt);
    }
  }
}
