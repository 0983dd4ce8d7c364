package com.gatewayz.modelpages.pages.view;

import com.gatewayz.modelpages.catalog.Model;
import com.gatewayz.modelpages.catalog.Offer;
import com.gatewayz.modelpages.catalog.PriceFormat;
import com.gatewayz.modelpages.pages.SiteContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of "Gateways offering this model": the gateway and its prices and limits there, with the
 * model's cheapest offer (as {@link Model#cheapest} picks it) marked. Immutable.
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
  private final boolean cheapest;

  private OfferRow(Offer offer, boolean cheapest, SiteContext site) {
    this.gateway = DisplayNames.gateway(offer.gateway());
    this.gatewayHref =
        site.link("/models?gateway=" + URLEncoder.encode(offer.gateway(), StandardCharsets.UTF_8));
    this.inputPrice = PriceFormat.perMillion(offer.pricing().prompt());
    this.outputPrice = PriceFormat.perMillion(offer.pricing().completion());
    this.context = Formats.tokens(orZero(offer.contextLength()));
    this.contextTitle = Formats.exactTokens(orZero(offer.contextLength()));
    this.maxOutput = Formats.tokens(orZero(offer.maxCompletionTokens()));
    this.maxOutputTitle = Formats.exactTokens(orZero(offer.maxCompletionTokens()));
    this.cheapest = cheapest;
  }

  /** One row per offer, in offer order; only the cheapest offer is marked, none when unpriced. */
  public static List<OfferRow> of(Model model, SiteContext site) {
    Offer cheapest = model.offers().size() > 1 ? Model.cheapest(model.offers()) : null;
    List<OfferRow> rows = new ArrayList<>(model.offers().size());
    for (Offer offer : model.offers()) {
      rows.add(new OfferRow(offer, offer == cheapest, site));
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

  /** True for the one cheapest row when the model has several offers. */
  public boolean isCheapest() {
    return cheapest;
  }
}
