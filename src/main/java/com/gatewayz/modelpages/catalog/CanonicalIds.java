package com.gatewayz.modelpages.catalog;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * First published id wins: a model keeps the id its page was first published under when a later
 * merge would name it otherwise (a higher-priority gateway starts listing it, the listing it was
 * named after leaves, two pages become one). The memory is {@link CatalogState#canonicalIds()}:
 * listing id → canonical id, kept only for models whose id is not the one the merge picks by
 * itself, so it stays small; every other id of a model is an alias that answers 301.
 */
final class CanonicalIds {

  private CanonicalIds() {}

  /**
   * The id of the model made of {@code listings} (merge order): the id pinned for one of them, else
   * the first listing's; never an id in {@code taken}, which it adds to.
   */
  static String idOf(List<Listing> listings, Map<String, String> pinned, Set<String> taken) {
    for (Listing listing : listings) {
      String id = pinned.get(listing.id());
      if (id != null && taken.add(id)) {
        return id;
      }
    }
    for (Listing listing : listings) {
      if (taken.add(listing.id())) {
        return listing.id();
      }
    }
    return listings.get(0).id();
  }

  /**
   * The pins that keep every model of {@code merged} under the id it was published under in {@code
   * before}: a model whose id is new takes the published id of the first of its listings that
   * belonged to a published model no other model still carries.
   */
  static Map<String, String> pinned(Catalog before, List<Model> merged) {
    Map<String, String> publishedIdOf = publishedIds(before);
    Set<String> mergedIds = new HashSet<>();
    merged.forEach(model -> mergedIds.add(model.id()));
    Set<String> claimed = new HashSet<>();
    Map<String, String> pins = new LinkedHashMap<>();
    for (Model model : merged) {
      String keep =
          before.find(model.id()).isPresent()
              ? model.id()
              : published(model, publishedIdOf, mergedIds, claimed);
      claimed.add(keep);
      if (!keep.equals(defaultId(model))) {
        membersOf(model).stream()
            .filter(member -> !member.equals(keep))
            .forEach(member -> pins.put(member, keep));
      }
    }
    return pins;
  }

  private static String published(
      Model model, Map<String, String> publishedIdOf, Set<String> mergedIds, Set<String> claimed) {
    for (String member : membersOf(model)) {
      String published = publishedIdOf.get(member);
      if (published != null && !claimed.contains(published) && !mergedIds.contains(published)) {
        return published;
      }
    }
    return model.id();
  }

  // Every id a published model answered to: its own and its offers' listing ids.
  private static Map<String, String> publishedIds(Catalog before) {
    Map<String, String> publishedIdOf = new HashMap<>();
    for (Model model : before.models()) {
      membersOf(model).forEach(member -> publishedIdOf.putIfAbsent(member, model.id()));
    }
    return publishedIdOf;
  }

  /** The model's id and the ids its offers are listed under. */
  static Set<String> membersOf(Model model) {
    Set<String> members = new LinkedHashSet<>();
    members.add(model.id());
    for (Offer offer : model.offers()) {
      if (offer.listingId() != null) {
        members.add(offer.listingId());
      }
    }
    return members;
  }

  // The id the merge picks by itself: the first listing's (the first offer is the first listing).
  static String defaultId(Model model) {
    for (Offer offer : model.offers()) {
      if (offer.listingId() != null) {
        return offer.listingId();
      }
    }
    return model.id();
  }
}
