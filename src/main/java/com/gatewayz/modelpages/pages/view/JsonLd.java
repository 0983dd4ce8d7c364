package com.gatewayz.modelpages.pages.view;

import com.gatewayz.modelpages.catalog.Model;
import com.gatewayz.modelpages.catalog.Offer;
import com.gatewayz.modelpages.catalog.Pricing;
import com.gatewayz.modelpages.platform.JsonSupport;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;

/**
 * Schema.org JSON-LD for a model page ({@code SoftwareApplication} with the developer as author and
 * one {@code Offer} per priced gateway, USD per 1M input tokens), serialised so it is safe inside
 * {@code <script type="application/ld+json">}: {@code <}, {@code >} and {@code &} are written as
 * JSON unicode escapes, so no text from a gateway can close the script element.
 */
final class JsonLd {

  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

  private JsonLd() {}

  static String forModel(Model model, String description, String url) {
    JsonObjectBuilder json =
        JsonSupport.JSON
            .createObjectBuilder()
            .add("@context", "https://schema.org")
            .add("@type", "SoftwareApplication")
            .add("name", model.name())
            .add("description", description)
            .add("url", url)
            .add("identifier", model.id())
            .add("applicationCategory", "DeveloperApplication")
            .add("operatingSystem", "Any");
    if (!model.developer().isEmpty()) {
      json.add("author", organization(DisplayNames.developer(model.developer())));
    }
    JsonArray offers = offers(model, url);
    if (!offers.isEmpty()) {
      json.add("offers", offers);
    }
    return scriptSafe(json.build().toString());
  }

  private static JsonArray offers(Model model, String url) {
    JsonArrayBuilder array = JsonSupport.JSON.createArrayBuilder();
    for (Offer offer : model.offers()) {
      if (isPriced(offer.pricing())) {
        JsonObjectBuilder json = offer(offer.pricing(), url);
        array.add(json.add("seller", organization(DisplayNames.gateway(offer.gateway()))));
      }
    }
    if (model.offers().isEmpty() && isPriced(model.pricing())) {
      array.add(offer(model.pricing(), url));
    }
    return array.build();
  }

  private static boolean isPriced(Pricing pricing) {
    return pricing.prompt() != null && pricing.prompt().signum() >= 0;
  }

  private static JsonObjectBuilder offer(Pricing pricing, String url) {
    return JsonSupport.JSON
        .createObjectBuilder()
        .add("@type", "Offer")
        .add("price", perMillion(pricing.prompt()))
        .add("priceCurrency", "USD")
        .add("description", "USD per 1M input tokens")
        .add("url", url);
  }

  /** A per-token price as a plain decimal per 1M tokens ("0.7"), never exponent notation. */
  static String perMillion(BigDecimal perToken) {
    BigDecimal value = perToken.multiply(MILLION);
    return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
  }

  private static JsonObjectBuilder organization(String name) {
    return JsonSupport.JSON.createObjectBuilder().add("@type", "Organization").add("name", name);
  }

  /** JSON text that cannot end or confuse a {@code <script>} element. */
  static String scriptSafe(String json) {
    return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
  }
}
