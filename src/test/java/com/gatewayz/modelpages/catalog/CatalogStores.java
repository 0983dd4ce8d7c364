package com.gatewayz.modelpages.catalog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Catalog stores a test opens, closed after each test: a store may write a snapshot in the
 * background, and closing waits for it, so no late snapshot lands in a temporary directory JUnit is
 * deleting. Register with {@code @RegisterExtension}.
 */
public final class CatalogStores implements AfterEachCallback {

  private final List<CatalogStore> open = new ArrayList<>();

  /** A store over {@code dataDir}, closed after the test. */
  public CatalogStore at(Path dataDir) {
    CatalogStore store = new CatalogStore(dataDir);
    open.add(store);
    return store;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    open.forEach(CatalogStore::close);
    open.clear();
  }
}
