package com.gatewayz.modelpages.pages.view;

import static com.gatewayz.modelpages.testing.TestModels.SITE;
import static com.gatewayz.modelpages.testing.TestModels.model;
import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.catalog.Model;
import org.junit.jupiter.api.Test;

class ModelCardTest {

  @Test
  void aModelIsFormattedOnceAsACard() {
    Model model = model("acme/card-once", "acme", "0.000001", 8192);

    assertThat(ModelCard.of(model, SITE)).isSameAs(ModelCard.of(model, SITE));
  }

  @Test
  void aChangedModelOrAnotherSiteGetsACardOfItsOwn() {
    Model before = model("acme/card-changed", "acme", "0.000001", 8192);
    Model after = model("acme/card-changed", "acme", "0.000003", 8192);
    SiteContext other = new SiteContext("/other", "https://other.example", SITE.assetVersion());

    ModelCard first = ModelCard.of(before, SITE);

    assertThat(ModelCard.of(after, SITE).getInputPrice()).isEqualTo("$3.00 / 1M");
    assertThat(first.getInputPrice()).isEqualTo("$1.00 / 1M");
    assertThat(ModelCard.of(before, other).getHref()).startsWith("/other/");
    assertThat(ModelCard.of(before, SITE).getHref()).isEqualTo(first.getHref());
  }
}
