package com.gatewayz.modelpages.catalog;

import java.util.Optional;

/**
 * The catalog state shared by the nodes of a cluster, so a change applied on one node (a webhook, a
 * refresh) is what every node serves. Versions are published optimistically: a publish succeeds
 * only as the successor of the version it was based on. Single nodes use {@link #NONE}.
 */
public interface CatalogReplica {

  boolean isShared();

  /** The latest version: 0 when nothing was published, -1 when it cannot be reached. */
  long version();

  Optional<Replicated> read();

  /** Publishes {@code state} as version {@code basedOn + 1}; false when another node was first. */
  boolean publish(long basedOn, CatalogState state);

  /** One published state. */
  record Replicated(long version, CatalogState state) {}

  /** A single node: nothing shared. */
  CatalogReplica NONE =
      new CatalogReplica() {
        @Override
        public boolean isShared() {
          return false;
        }

        @Override
        public long version() {
          return -1;
        }

        @Override
        public Optional<Replicated> read() {
          return Optional.empty();
        }

        @Override
        public boolean publish(long basedOn, CatalogState state) {
          return true;
        }
      };
}
