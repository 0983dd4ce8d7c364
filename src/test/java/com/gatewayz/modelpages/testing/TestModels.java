package com.gatewayz.modelpages.testing;

import com.gatewayz.modelpages.catalog.Architecture;
import com.gatewayz.modelpages.catalog.Model;
import com.gatewayz.modelpages.catalog.Offer;
import com.gatewayz.modelpages.catalog.Pricing;
import com.gatewayz.modelpages.pages.view.SiteContext;
import java.util.List;

/** Models built in code for the catalog and view tests. */
public final class TestModels {

  /** The site the view tests render for. */
  public static final SiteContext SITE =
      new SiteContext("/ctx", "https://models.example.com/", "v1");

  private TestModels() {}

  /** A bare model: an id and an 8192-token context, nothing else. */
  public static Model model(String id) {
    return new Model(id, null, null, null, 8192, null, null, null, null, null, List.of());
  }

  /** A text model by {@code developer}, prompt and completion both at {@code prompt} per token. */
  public static Model model(String id, String developer, String prompt, long context) {
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

  /** A model named by its id with these prices per token, and these offers if any. */
  public static Model priced(String id, String prompt, String completion, Offer... offers) {
    Model base =
        new Model(
            id,
            id,
            null,
            "",
            8192,
            Pricing.perToken(prompt, completion),
            null,
            null,
            null,
            null,
            List.of());
    return offers.length == 0 ? base : base.withOffers(List.of(offers));
  }

  public static Model withOffers(Model model, Offer... offers) {
    return model.withOffers(List.of(offers));
  }

  public static Offer offer(String gateway, String prompt, String completion) {
    return new Offer(gateway, Pricing.perToken(prompt, completion), 200_000L, 64_000L);
  }
}
