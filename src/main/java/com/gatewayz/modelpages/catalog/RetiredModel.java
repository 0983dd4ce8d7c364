package com.gatewayz.modelpages.catalog;

/**
 * A model that was in the catalog and is gone: its page answers 410 "retired".
 *
 * @param retiredAt epoch milliseconds of the removal
 */
public record RetiredModel(String id, String name, String developer, long retiredAt) {

  public static RetiredModel of(Model model, long retiredAt) {
    return new RetiredModel(model.id(), model.name(), model.developer(), retiredAt);
  }
}
