package com.gatewayz.modelpages.isr;

import java.time.Clock;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.ehcache.Cache;

/**
 * A value shared through the clustered tier: the version is a counter, each version's value a blob.
 * A node first claims the next version (a claim older than {@value #CLAIM_EXPIRY_MILLIS} ms is
 * taken over, should its node have died), writes the blob, then moves the counter — so a reader
 * that sees a version finds its value, and two nodes never write the same version.
 *
 * <p>The versions it shows are offset by the server's epoch: a server that restarted empty counts
 * from 1 again, and a node that saw version 3 before must not take the new server's version 3 for
 * the one it holds. 0 still means "nothing shared yet".
 */
final class ClusterSharedState implements SharedState {

  static final long CLAIM_EXPIRY_MILLIS = 30_000;
  private static final long EPOCH_VERSIONS = 1L << 24;
  private static final String VERSION = "shared:version";
  private static final String CLAIM = "shared:claim:";
  private static final String VALUE = "shared:";

  private final Counters counters;
  private final Supplier<Cache<String, byte[]>> values;
  private final ClusterGuard guard;
  private final Clock clock;
  private final LongSupplier epoch;

  /**
   * @param epoch the epoch of the server the node is attached to ({@link ClusterStamps#epoch()})
   */
  ClusterSharedState(
      Counters counters,
      Supplier<Cache<String, byte[]>> values,
      ClusterGuard guard,
      Clock clock,
      LongSupplier epoch) {
    this.epoch = epoch;
    this.counters = counters;
    this.values = values;
    this.guard = guard;
    this.clock = clock;
  }

  @Override
  public boolean isShared() {
    return true;
  }

  @Override
  public long version() {
    return guard.call(() -> shown(currentVersion()), () -> -1L);
  }

  // Positive, with room below for 2^24 versions per server lifetime.
  private long offset() {
    return (epoch.getAsLong() >>> 2) & ~(EPOCH_VERSIONS - 1);
  }

  private long shown(long counter) {
    return counter == 0 ? 0 : offset() + counter;
  }

  // The counter a shown version stands for, or -1 when it was shown by another server.
  private long counterOf(long shown) {
    long counter = shown == 0 ? 0 : shown - offset();
    return counter >= 0 && counter < EPOCH_VERSIONS ? counter : -1;
  }

  private long currentVersion() {
    Long version = counters.get(VERSION);
    return version == null ? 0 : version;
  }

  @Override
  public Optional<Snapshot> read() {
    return guard.call(
        () -> {
          long version = currentVersion();
          byte[] value = version == 0 ? null : values.get().get(VALUE + version);
          return value == null
              ? Optional.<Snapshot>empty()
              : Optional.of(new Snapshot(shown(version), value));
        },
        Optional::empty);
  }

  @Override
  public boolean publish(long basedOn, byte[] value) {
    long counter = counterOf(basedOn);
    return counter >= 0 && guard.call(() -> tryPublish(counter, value), () -> false);
  }

  private boolean tryPublish(long basedOn, byte[] value) {
    long next = basedOn + 1;
    if (!claim(next) || currentVersion() != basedOn) {
      return false;
    }
    values.get().put(VALUE + next, value);
    byte[] written = values.get().get(VALUE + next);
    if (written == null || written.length != value.length) {
      return false; // dropped by a reconnecting client: try again
    }
    if (!counters.compareAndSet(VERSION, basedOn, next)) {
      return false;
    }
    values.get().remove(VALUE + (basedOn - 1));
    counters.remove(CLAIM + basedOn);
    return true;
  }

  private boolean claim(long version) {
    long now = clock.millis();
    Long held = counters.putIfAbsent(CLAIM + version, now);
    if (held == null) {
      return true;
    }
    return now - held > CLAIM_EXPIRY_MILLIS && counters.replace(CLAIM + version, held, now);
  }
}
