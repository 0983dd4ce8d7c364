package com.gatewayz.modelpages.boot;

import com.gatewayz.modelpages.catalog.CatalogReplica;
import com.gatewayz.modelpages.catalog.CatalogState;
import com.gatewayz.modelpages.catalog.CatalogStore;
import com.gatewayz.modelpages.catalog.InvalidModelException;
import com.gatewayz.modelpages.isr.SharedState;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The catalog's replica on the cache's shared state: the state travels in the stored JSON form. */
final class SharedCatalogReplica implements CatalogReplica {

  private static final Logger LOG = Logger.getLogger(SharedCatalogReplica.class.getName());

  private final SharedState shared;

  SharedCatalogReplica(SharedState shared) {
    this.shared = shared;
  }

  @Override
  public boolean isShared() {
    return shared.isShared();
  }

  @Override
  public long version() {
    return shared.version();
  }

  @Override
  public Optional<Replicated> read() {
    return shared.read().flatMap(this::decode);
  }

  private Optional<Replicated> decode(SharedState.Snapshot snapshot) {
    try {
      return Optional.of(
          new Replicated(snapshot.version(), CatalogStore.fromBytes(snapshot.value())));
    } catch (InvalidModelException | RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "[Cluster] shared catalog version " + snapshot.version() + " is unreadable",
          e);
      return Optional.empty();
    }
  }

  @Override
  public boolean publish(long basedOn, CatalogState state) {
    return shared.publish(basedOn, CatalogStore.toBytes(state));
  }
}
