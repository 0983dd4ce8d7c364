package com.gatewayz.modelpages.admin;

import com.gatewayz.modelpages.platform.Settings;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Backs off wrong admin tokens per client address. {@code maxFailures} failures within {@code
 * windowSeconds} (counted from the first) lock the address out for {@code lockoutSeconds}; each
 * further lockout doubles, up to {@link #MAX_LOCKOUT} (or the first lockout, when that is longer).
 * A success clears the address's record; so does a whole window without failures after its last
 * failure or lockout.
 *
 * <p>At most {@link #MAX_CLIENTS} addresses are remembered, the least recently seen forgotten
 * first, so a flood of addresses cannot grow the table. IPv6 addresses count per {@code /64}, the
 * block one host usually holds. Time comes from the clock. Thread-safe: every method is atomic.
 */
final class SignInThrottle {

  static final int MAX_CLIENTS = 10_000;
  static final Duration MAX_LOCKOUT = Duration.ofHours(1);

  private final int maxFailures;
  private final Duration window;
  private final Duration firstLockout;
  private final Clock clock;
  private final Map<String, Client> clients =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Client> eldest) {
          return size() > MAX_CLIENTS;
        }
      };

  SignInThrottle(Settings.SignInLimits limits, Clock clock) {
    this.maxFailures = limits.maxFailures();
    this.window = Duration.ofSeconds(limits.windowSeconds());
    this.firstLockout = Duration.ofSeconds(limits.lockoutSeconds());
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Whole seconds until {@code address} may present a token again; 0 when it may now. */
  synchronized long retryAfterSeconds(String address) {
    Instant now = clock.instant();
    Client client = current(key(address), now);
    if (client == null || !client.isLockedOut(now)) {
      return 0;
    }
    return (Duration.between(now, client.lockedUntil).toMillis() + 999) / 1000;
  }

  /**
   * Records a wrong token from {@code address}; the lockout it starts, else {@link Duration#ZERO}.
   */
  synchronized Duration failed(String address) {
    Instant now = clock.instant();
    String key = key(address);
    Client client = current(key, now);
    if (client == null) {
      client = new Client(now);
      clients.put(key, client);
    }
    return client.fail(now);
  }

  /** Forgets {@code address}'s failures and lockouts: the right token was presented. */
  synchronized void succeeded(String address) {
    clients.remove(key(address));
  }

  /** How many addresses are remembered. */
  synchronized int size() {
    return clients.size();
  }

  // The record of an address, or null once it has nothing left to remember.
  private Client current(String key, Instant now) {
    Client client = clients.get(key);
    if (client != null && client.isForgotten(now)) {
      clients.remove(key);
      return null;
    }
    return client;
  }

  /** The table key of an address: itself, or its /64 for IPv6; never longer than 64 characters. */
  static String key(String address) {
    if (address == null || address.isEmpty()) {
      return "unknown";
    }
    if (address.indexOf(':') >= 0) {
      try {
        byte[] bytes = InetAddress.getByName(address).getAddress();
        return bytes.length == 16
            ? HexFormat.of().formatHex(bytes, 0, 8) + "::/64"
            : InetAddress.getByAddress(bytes).getHostAddress();
      } catch (UnknownHostException | RuntimeException e) {
        // not an address literal: keep the text, bounded
      }
    }
    return address.length() <= 64 ? address : address.substring(0, 64);
  }

  /** One address's failures in the current window and its lockouts so far. */
  private final class Client {
    private Instant windowStart;
    private int failures;
    private int lockouts;
    private Instant lockedUntil;
    private Instant lastFailure;

    Client(Instant now) {
      this.windowStart = now;
      this.lastFailure = now;
    }

    Duration fail(Instant now) {
      if (!now.isBefore(windowStart.plus(window))) {
        windowStart = now;
        failures = 0;
      }
      lastFailure = now;
      if (++failures < maxFailures) {
        return Duration.ZERO;
      }
      failures = 0;
      windowStart = now;
      Duration lockout = lockout(++lockouts);
      lockedUntil = now.plus(lockout);
      return lockout;
    }

    private Duration lockout(int nth) {
      Duration longest = firstLockout.compareTo(MAX_LOCKOUT) > 0 ? firstLockout : MAX_LOCKOUT;
      Duration doubled = firstLockout.multipliedBy(1L << Math.min(nth - 1, 30));
      return doubled.compareTo(longest) > 0 ? longest : doubled;
    }

    boolean isLockedOut(Instant now) {
      return lockedUntil != null && now.isBefore(lockedUntil);
    }

    // Lockouts are remembered (and keep doubling) until a whole window passed without any.
    boolean isForgotten(Instant now) {
      Instant quietSince =
          lockedUntil != null && lockedUntil.isAfter(lastFailure) ? lockedUntil : lastFailure;
      return !now.isBefore(quietSince.plus(window));
    }
  }
}
