package com.gatewayz.modelpages.catalog;

import java.util.Objects;

/**
 * A model that was in the catalog and is gone: its page answers 410 "retired". Name and developer
 * are bounded as a {@link Listing}'s are (they are shown on the 410 page).
 *
 * @param retiredAt epoch milliseconds of the removal
 */
public record RetiredModel(String id, String name, String developer, long retiredAt) {

  public RetiredModel {
    Objects.requireNonNull(id, "id");
    name = Objects.requireNonNullElse(ListingBounds.line(name, ListingBounds.MAX_NAME), id);
    developer = ListingBounds.developer(developer, id);
  }

  public static RetiredModel of(Model model, long retiredAt) {
    return new RetiredModel(model.id(), model.name(), model.developer(), retiredAt);
  }
}
