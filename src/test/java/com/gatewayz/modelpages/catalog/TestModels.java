package com.gatewayz.modelpages.catalog;

import java.util.List;

/** Small models for catalog tests. */
final class TestModels {

  private TestModels() {}

  static Model model(String id) {
    return new Model(id, null, null, null, 8192, null, null, null, null, null, List.of());
  }

  static Model priced(String id, String prompt, String completion, Offer... offers) {
    Model base = new Model(id, id, null, "", 8192, Pricing.perToken(prompt, completion), null, null, null, null, List.of());
    return offers.length == 0 ? base : base.withOffers(List.of(offers));
  }
}
