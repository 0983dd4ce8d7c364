package com.gatewayz.modelpages.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The listings of one real model, in the order the merge met them (gateway priority, exact ids
 * first): the first gives the descriptive fields, each seller adds one offer.
 */
final class MergeGroup {

  final int order;
  int rank;
  final List<Listing> listings = new ArrayList<>(2);
  final Map<String, Offer> offers = new LinkedHashMap<>();
  final Set<String> sellers = new HashSet<>();
  String developer = "";
  long lastApplied;
  // The index, in the merged items, of the listing that started this group.
  int firstItem;

  MergeGroup(int rank, int order) {
    this.rank = rank;
    this.order = order;
  }

  /** Adds {@code listing} as {@code seller}'s offer, joined by {@code evidence}. */
  void add(
      String seller, Listing listing, long appliedAt, ModelIdentity identity, Evidence evidence) {
    sellers.add(seller);
    listings.add(listing);
    lastApplied = Math.max(lastApplied, appliedAt);
    offers.putIfAbsent(seller, listing.toOffer(seller, identity, evidence));
    if (developer.isEmpty()) {
      developer = identity.developer();
    }
  }

  /** The model, under {@code id}: the first listing's id unless an earlier one was published. */
  Model toModel(String id) {
    Listing primary = listings.get(0);
    Model model =
        new Model(
            id,
            primary.name(),
            developer.isEmpty() ? primary.developer() : developer,
            first(Listing::description),
            firstContext(),
            null,
            null,
            first(Listing::architecture),
            first(l -> l.supportedParameters().isEmpty() ? null : l.supportedParameters()),
            first(Listing::created),
            List.of());
    return model.withOffers(List.copyOf(offers.values()));
  }

  private long firstContext() {
    Long context = first(Listing::contextLength);
    return context == null ? 0 : context;
  }

  private <T> T first(Function<Listing, T> field) {
    for (Listing listing : listings) {
      T value = field.apply(listing);
      if (value != null && !(value instanceof String text && text.isBlank())) {
        return value;
      }
    }
    return null;
  }
}
