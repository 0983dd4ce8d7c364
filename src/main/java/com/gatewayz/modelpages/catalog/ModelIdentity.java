package com.gatewayz.modelpages.catalog;

import java.util.List;

/**
 * What the identity resolver derived from one listing: the keys that identify its model, strongest
 * evidence first, its developer's one namespace and the quantization the offer is served at.
 *
 * @param keys the keys, strongest first; two listings sharing a key are the same model unless a
 *     rule keeps them apart (see {@link IdentityIndex})
 * @param developer the organisation's developer slug ({@code meta-llama} for {@code meta}); empty
 *     when the listing does not say who made the model (a bare name at a host)
 * @param quantization the quantization the id names ({@code fp8}), or null
 * @param exact true when the listing's id names its developer and model as they are, without a host
 *     prefix or a quantization: of two listings of one model by one seller, an exact one is the
 *     better offer to show (a seller offers a model once)
 */
record ModelIdentity(List<Key> keys, String developer, String quantization, boolean exact) {

  public ModelIdentity {
    keys = List.copyOf(keys);
  }

  /**
   * One identifying key.
   *
   * @param evidence what a match on this key proves
   * @param value the key, namespaced: {@code repo:}, {@code slug:}, {@code id:} or {@code name:}
   * @param developer for {@code name:} keys, the developer the name belongs to ("" when unknown)
   */
  public record Key(Evidence evidence, String value, String developer) {}

  /** True when the listing names no developer: it may only join a model by its name. */
  public boolean isDeveloperless() {
    return developer.isEmpty();
  }
}
