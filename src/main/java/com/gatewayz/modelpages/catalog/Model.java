package com.gatewayz.modelpages.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A model as the site shows it: merged across every gateway that offers it. The headline {@link
 * #pricing()} is the cheapest offer's, named by {@link #pricingGateway()} (null when no offer
 * carries a price and the price comes from the curated data). Immutable; lists are copies.
 *
 * @param developer the developer slug ({@code anthropic}), the JSON field {@code provider_slug}
 * @param created epoch seconds, or null when unknown
 */
public record Model(
    String id,
    String name,
    String developer,
    String description,
    long contextLength,
    Pricing pricing,
    String pricingGateway,
    Architecture architecture,
    List<String> supportedParameters,
    Long created,
    List<Offer> offers) {

  public Model {
    Optional<String> problem = ModelId.problem(id);
    if (problem.isPresent()) {
      throw new IllegalArgumentException("model id '" + id + "' " + problem.get());
    }
    name = name == null || name.isBlank() ? id : name;
    developer = developer == null || developer.isBlank() ? Slugs.developerOf(id) : developer;
    description = Objects.requireNonNullElse(description, "");
    pricing = pricing == null ? Pricing.UNKNOWN : pricing;
    architecture = architecture == null ? Architecture.TEXT : architecture;
    supportedParameters =
        supportedParameters == null ? List.of() : List.copyOf(supportedParameters);
    offers = offers == null ? List.of() : List.copyOf(offers);
  }

  /** The gateways that offer this model, in offer order. */
  public List<String> sourceGateways() {
    List<String> gateways = new ArrayList<>(offers.size());
    for (Offer offer : offers) {
      gateways.add(offer.gateway());
    }
    return gateways;
  }

  public String pagePath() {
    return ModelId.pagePath(id);
  }

  public String alias() {
    return Slugs.alias(id);
  }

  /** This model with other offers, its headline price recomputed from them. */
  public Model withOffers(List<Offer> newOffers) {
    Offer cheapest = cheapest(newOffers);
    Pricing headline = cheapest == null ? pricing : cheapest.pricing();
    String headlineGateway = cheapest == null ? pricingGateway : cheapest.gateway();
    return new Model(
        id,
        name,
        developer,
        description,
        contextLength,
        headline,
        headlineGateway,
        architecture,
        supportedParameters,
        created,
        newOffers);
  }

  /** The offer with the cheapest known price, or null when no offer has a price. */
  public static Offer cheapest(List<Offer> offers) {
    Offer best = null;
    for (Offer offer : offers) {
      if (offer.pricing().isKnown()
          && (best == null
              || Pricing.CHEAPEST_FIRST.compare(offer.pricing(), best.pricing()) < 0)) {
        best = offer;
      }
    }
    return best;
  }
}
