package com.gatewayz.modelpages.pages.view;

import com.gatewayz.modelpages.catalog.Model;
import com.gatewayz.modelpages.catalog.Offer;
import com.gatewayz.modelpages.catalog.PriceFormat;
import com.gatewayz.modelpages.catalog.Pricing;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * One row of "Gateways offering this model": the gateway, its prices, limits and quantization there
 * and the id it lists the model under, with the model's cheapest offer (as {@link Model#cheapest}
 * picks it) marked. Rows are sorted by price, cheapest first. Immutable.
 */
public final class OfferRow {

  private final String gateway;
  private final String gatewayHref;
  private final String inputPrice;
  private final String outputPrice;
  private final String context;
  private final String contextTitle;
  private final String maxOutput;
  private final String maxOutputTitle;
  private final String quantization;
  private final String listedAs;
  private final boolean cheapest;

  private OfferRow(Offer offer, String modelId, boolean cheapest, SiteContext site) {
    this.gateway = DisplayNames.gateway(offer.gateway());
    this.gatewayHref =
        site.link("/models?gateway=" + URLEncoder.encode(offer.gateway(), StandardCharsets.UTF_8));
    this.inputPrice = PriceFormat.perMillion(offer.pricing().prompt());
    this.outputPrice = PriceFormat.perMillion(offer.pricing().completion());
    this.context = Formats.tokens(orZero(offer.contextLength()));
    this.contextTitle = Formats.exactTokens(orZero(offer.contextLength()));
    this.maxOutput = Formats.tokens(orZero(offer.maxCompletionTokens()));
    this.maxOutputTitle = Formats.exactTokens(orZero(offer.maxCompletionTokens()));
    this.quantization =
        offer.quantization() == null ? "" : offer.quantization().toUpperCase(Locale.ROOT);
    this.listedAs =
        offer.listingId() == null || offer.listingId().equals(modelId) ? "" : offer.listingId();
    this.cheapest = cheapest;
  }

  /**
   * One row per offer, cheapest first (variable prices, then unknown ones last; ties in offer
   * order); only the cheapest offer is marked, none when unpriced.
   */
  public static List<OfferRow> of(Model model, SiteContext site) {
    Offer cheapest = model.offers().size() > 1 ? Model.cheapest(model.offers()) : null;
    List<Offer> byPrice = new ArrayList<>(model.offers());
    byPrice.sort(Comparator.comparing(Offer::pricing, Pricing.CHEAPEST_FIRST));
    List<OfferRow> rows = new ArrayList<>(byPrice.size());
    for (Offer offer : byPrice) {
      rows.add(new OfferRow(offer, model.id(), offer == cheapest, site));
    }
    return List.copyOf(rows);
  }

  private static long orZero(Long value) {
    return value == null ? 0 : value;
  }

  /** The gateway's display name ("Together AI"). */
  public String getGateway() {
    return gateway;
  }

  /** The index filtered to this gateway. */
  public String getGatewayHref() {
    return gatewayHref;
  }

  public String getInputPrice() {
    return inputPrice;
  }

  public String getOutputPrice() {
    return outputPrice;
  }

  public String getContext() {
    return context;
  }

  public String getContextTitle() {
    return contextTitle;
  }

  public String getMaxOutput() {
    return maxOutput;
  }

  public String getMaxOutputTitle() {
    return maxOutputTitle;
  }

  /** The quantization the gateway serves ("FP8"); empty when its id does not say. */
  public String getQuantization() {
    return quantization;
  }

  /** The id the gateway lists the model under when it is not the page's id; else empty. */
  public String getListedAs() {
    return listedAs;
  }

  /** True for the one cheapest row when the model has several offers. */
  public boolean isCheapest() {
    return cheapest;
  }
}
