package com.gatewayz.modelpages.catalog;

/**
 * A catalog state and its merged catalog; {@code change} from the previous snapshot when a re-merge
 * knows it (null: compare the catalogs).
 */
record CatalogSnapshot(CatalogState state, Catalog catalog, CatalogChange change) {

  CatalogSnapshot(CatalogState state, Catalog catalog) {
    this(state, catalog, null);
  }

  /** The change from {@code before}'s catalog to this one. */
  CatalogChange changeFrom(CatalogSnapshot before) {
    return change != null ? change : CatalogChange.between(before.catalog(), catalog);
  }
}
