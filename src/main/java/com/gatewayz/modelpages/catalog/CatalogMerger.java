package com.gatewayz.modelpages.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Merges what every gateway lists into one model per real model: listings match by OpenRouter's
 * canonical slug or by id (case-insensitive, without a prefix naming the gateway itself). The
 * first listing by gateway priority gives the id and descriptive fields; every gateway adds an
 * offer; the headline price is the cheapest offer. Curated models come first, in curated order.
 * Stateless and thread-safe.
 */
public final class CatalogMerger {

  private static final int UNKNOWN_PRIORITY = 1_000;

  private final Map<String, Integer> priorities;
  private final Map<String, Integer> curatedRank = new HashMap<>();

  /**
   * @param priorities gateway id → priority, lower first; gateways not named come last
   * @param curated the curated models, most popular first
   */
  public CatalogMerger(Map<String, Integer> priorities, List<Model> curated) {
    this.priorities = Map.copyOf(priorities);
    for (int rank = 0; rank < curated.size(); rank++) {
      curatedRank.putIfAbsent(idKey(curated.get(rank).id(), null), rank);
    }
  }

  /**
   * The merged models, most popular first, and when each last changed (epoch ms of the newest
   * information applied to any of its listings; absent when only curated data describes it).
   */
  public record Merged(List<Model> models, Map<String, Long> lastModified) {}

  /** The merged models of {@code state}, most popular first. */
  public List<Model> merge(CatalogState state) {
    return merged(state).models();
  }

  public Merged merged(CatalogState state) {
    List<Group> groups = group(state);
    groups.sort(Comparator.comparingInt((Group g) -> g.rank).thenComparingInt(g -> g.order));
    List<Model> models = new ArrayList<>(groups.size());
    Map<String, Long> lastModified = new HashMap<>();
    for (Group group : groups) {
      Model model = group.toModel();
      models.add(model);
      if (group.lastApplied > 0) {
        lastModified.putIfAbsent(model.id(), group.lastApplied);
      }
    }
    return new Merged(models, lastModified);
  }

  private List<Group> group(CatalogState state) {
    Map<String, Group> byKey = new HashMap<>();
    List<Group> groups = new ArrayList<>();
    for (String gateway : gatewaysByPriority(state)) {
      for (SourceEntry entry : state.entriesOf(gateway).values()) {
        if (entry.isVisible()) {
          Listing listing = entry.listing();
          List<String> keys = keys(listing, gateway);
          Group group = find(byKey, keys, listing.offerLabel(gateway));
          if (group == null) {
            group = new Group(rankOf(keys), groups.size());
            groups.add(group);
          }
          group.add(gateway, listing, entry.appliedAt());
          for (String key : keys) {
            byKey.putIfAbsent(key, group);
          }
        }
      }
    }
    return groups;
  }

  private List<String> gatewaysByPriority(CatalogState state) {
    List<String> gateways = new ArrayList<>(state.sources().keySet());
    gateways.sort(Comparator.comparingInt(g -> priorities.getOrDefault(g, UNKNOWN_PRIORITY)));
    return gateways;
  }

  // Two listings of one seller are two offers there (a ":free" variant shares its model's
  // canonical slug): they stay two models rather than one hiding the other. The seller is the
  // gateway, or for models.dev the provider, so one model across models.dev's providers merges.
  private static Group find(Map<String, Group> byKey, List<String> keys, String seller) {
    for (String key : keys) {
      Group group = byKey.get(key);
      if (group != null && !group.sellers.contains(seller)) {
        return group;
      }
    }
    return null;
  }

  private int rankOf(List<String> keys) {
    int rank = Integer.MAX_VALUE;
    for (String key : keys) {
      rank = Math.min(rank, curatedRank.getOrDefault(key, Integer.MAX_VALUE));
    }
    return rank;
  }

  static List<String> keys(Listing listing, String gateway) {
    List<String> keys = new ArrayList<>(2);
    keys.add(idKey(listing.id(), listing.offerLabel(gateway)));
    if (listing.canonicalSlug() != null && !listing.canonicalSlug().isBlank()) {
      keys.add("slug:" + listing.canonicalSlug().toLowerCase(Locale.ROOT));
    }
    return keys;
  }

  /** The id, lower-cased, without a first segment that names the gateway listing it. */
  static String idKey(String id, String gateway) {
    int slash = id.indexOf('/');
    String key = id;
    if (gateway != null && slash > 0 && id.substring(0, slash).equalsIgnoreCase(gateway)) {
      key = id.substring(slash + 1);
    }
    return key.toLowerCase(Locale.ROOT);
  }

  /** The listings of one real model, in gateway priority order. */
  private static final class Group {
    final int rank;
    final int order;
    final List<Listing> listings = new ArrayList<>(2);
    final Map<String, Offer> offers = new LinkedHashMap<>();
    final java.util.Set<String> sellers = new java.util.HashSet<>();
    long lastApplied;

    Group(int rank, int order) {
      this.rank = rank;
      this.order = order;
    }

    void add(String gateway, Listing listing, long appliedAt) {
      String label = listing.offerLabel(gateway);
      sellers.add(label);
      listings.add(listing);
      lastApplied = Math.max(lastApplied, appliedAt);
      offers.putIfAbsent(label, listing.toOffer(label));
    }

    Model toModel() {
      Listing primary = listings.get(0);
      Model model =
          new Model(
              primary.id(),
              primary.name(),
              primary.developer(),
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

    private <T> T first(java.util.function.Function<Listing, T> field) {
      for (Listing listing : listings) {
        T value = field.apply(listing);
        if (value != null && !(value instanceof String text && text.isBlank())) {
          return value;
        }
      }
      return null;
    }
  }
}
