package com.gatewayz.modelpages.isr;

import java.util.Optional;

/**
 * A versioned value shared by every node of a cluster (the catalog state), published with
 * optimistic concurrency: a publish succeeds only as the successor of the version it was based on.
 * Single nodes use {@link #NONE}. Thread-safe.
 */
public interface SharedState {

  /** False for a single node: nothing is shared and every publish trivially succeeds. */
  boolean isShared();

  /**
   * The latest published version: 0 when nothing was published, -1 when the cluster is unreachable.
   */
  long version();

  /** The latest published value, when one can be read. */
  Optional<Snapshot> read();

  /** Publishes {@code value} as version {@code basedOn + 1}; false when another node was first. */
  boolean publish(long basedOn, byte[] value);

  /** One published value. */
  record Snapshot(long version, byte[] value) {}

  /** No sharing: a single node. */
  SharedState NONE =
      new SharedState() {
        @Override
        public boolean isShared() {
          return false;
        }

        @Override
        public long version() {
          return -1;
        }

        @Override
        public Optional<Snapshot> read() {
          return Optional.empty();
        }

        @Override
        public boolean publish(long basedOn, byte[] value) {
          return true;
        }
      };
}
