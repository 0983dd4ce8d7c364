package com.gatewayz.modelpages.pages.view;

import com.gatewayz.modelpages.catalog.Architecture;
import com.gatewayz.modelpages.catalog.Model;
import com.gatewayz.modelpages.catalog.Offer;
import com.gatewayz.modelpages.catalog.Pricing;
import java.util.List;

/** Models built in code for the view tests. */
final class TestModels {

  static final SiteContext SITE = new SiteContext("/ctx", "https://models.example.com/", "v1");

  private TestModels() {}

  static Model model(String id, String developer, String prompt, long context) {
    return new Model(
        id,
        null,
        developer,
        "",
        context,
        Pricing.perToken(prompt, prompt),
        null,
        Architecture.TEXT,
        List.of(),
        null,
        List.of());
  }

  static Model withOffers(Model model, Offer... offers) {
    return model.withOffers(List.of(offers));
  }

  static Offer offer(String gateway, String prompt, String completion) {
    return new Offer(gateway, Pricing.perToken(prompt, completion), 200_000L, 64_000L);
  }
}
