package com.gatewayz.modelpages.pages;

import com.gatewayz.modelpages.catalog.CacheTags;
import com.gatewayz.modelpages.catalog.CatalogChange;
import com.gatewayz.modelpages.catalog.CatalogListener;
import com.gatewayz.modelpages.isr.Invalidation;
import com.gatewayz.modelpages.isr.Isr;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Purges exactly the pages a catalog change touches, before the change's caller returns. */
public final class CatalogPurger implements CatalogListener {

  private static final Logger LOG = Logger.getLogger(CatalogPurger.class.getName());

  private final Isr isr;

  public CatalogPurger(Isr isr) {
    this.isr = isr;
  }

  /** Purges what the change touched; if that fails, everything, so no outdated page survives. */
  @Override
  public void catalogChanged(CatalogChange change) {
    if (change.remote()) {
      return; // the node that made the change purged for the whole cluster
    }
    Invalidation invalidation;
    try {
      invalidation = isr.purge(CacheTags.purgedBy(change), CacheTags.pathsPurgedBy(change));
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "[ISR] purging a catalog change failed; purging everything", e);
      isr.purgeAll();
      return;
    }
    LOG.fine(
        () ->
            "[ISR] catalog change purged tags="
                + invalidation.tags().size()
                + " paths="
                + invalidation.paths().size());
  }
}
