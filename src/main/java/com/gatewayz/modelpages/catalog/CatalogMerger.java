package com.gatewayz.modelpages.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Merges what every gateway lists into one model per real model: the {@link IdentityResolver}
 * decides from evidence which listings are the same model, and each listing is resolved against the
 * models built so far ({@link IdentityIndex}), gateways in priority order, exact ids first. A
 * seller's two listings are never one model. The first listing gives the descriptive fields and,
 * unless the state pins the id the model was first published under, the id; every seller adds an
 * offer naming the evidence that joined it; the headline price is the cheapest offer. Curated
 * models come first, in curated order. Stateless and thread-safe.
 */
public final class CatalogMerger {

  private static final int UNKNOWN_PRIORITY = 1_000;

  private final Map<String, Integer> priorities;
  private final Map<String, Integer> curatedRank = new HashMap<>();
  private final IdentityResolver resolver;

  /**
   * @param priorities gateway id → priority, lower first; gateways not named come last
   * @param curated the curated models, most popular first
   */
  public CatalogMerger(Map<String, Integer> priorities, List<Model> curated) {
    this(priorities, curated, AliasTable.bundled());
  }

  /** As above, with the alias table the identity resolver applies. */
  public CatalogMerger(Map<String, Integer> priorities, List<Model> curated, AliasTable aliases) {
    this.priorities = Map.copyOf(priorities);
    this.resolver = new IdentityResolver(aliases);
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
    List<MergeGroup> groups = group(state);
    groups.sort(Comparator.comparingInt((MergeGroup g) -> g.rank).thenComparingInt(g -> g.order));
    List<Model> models = new ArrayList<>(groups.size());
    Map<String, Long> lastModified = new HashMap<>();
    Set<String> taken = new HashSet<>();
    for (MergeGroup group : groups) {
      String id = CanonicalIds.idOf(group.listings, state.canonicalIds(), taken);
      Model model = group.toModel(id);
      models.add(model);
      if (group.lastApplied > 0) {
        lastModified.putIfAbsent(model.id(), group.lastApplied);
      }
    }
    return new Merged(models, lastModified);
  }

  /** A visible listing of one gateway with its identity. */
  record Identified(String seller, SourceEntry entry, ModelIdentity identity) {}

  private List<MergeGroup> group(CatalogState state) {
    List<Identified> items = new ArrayList<>(entryCount(state));
    for (String gateway : gatewaysByPriority(state)) {
      items.addAll(identified(state, gateway));
    }
    return group(items, entryCount(state), null);
  }

  /**
   * Groups {@code items}, given in merge order (gateways by priority, exact ids first), each
   * resolved against the groups built so far; group {@code order} is the creation order. When
   * {@code groupOf} is given, it receives each item's group.
   */
  List<MergeGroup> group(List<Identified> items, int expected, MergeGroup[] groupOf) {
    IdentityIndex<MergeGroup> index = new IdentityIndex<>(expected);
    List<MergeGroup> groups = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Identified item = items.get(i);
      Listing listing = item.entry().listing();
      Optional<IdentityIndex.Match<MergeGroup>> match =
          index.find(item.identity(), g -> !g.sellers.contains(item.seller()));
      MergeGroup group = match.map(IdentityIndex.Match::group).orElse(null);
      if (group == null) {
        group = new MergeGroup(Integer.MAX_VALUE, groups.size());
        group.firstItem = i;
        groups.add(group);
      }
      group.rank =
          Math.min(
              group.rank,
              curatedRank.getOrDefault(idKey(listing.id(), item.seller()), Integer.MAX_VALUE));
      Evidence evidence = match.map(IdentityIndex.Match::evidence).orElse(Evidence.PRIMARY);
      group.add(item.seller(), listing, item.entry().appliedAt(), item.identity(), evidence);
      index.add(item.identity(), group);
      if (groupOf != null) {
        groupOf[i] = group;
      }
    }
    return groups;
  }

  /** Gateways listing this many entries have them identified in parallel (tests set it). */
  int parallelIdentifyFrom = 5_000;

  /** The identity of {@code entry}'s listing as {@code gateway} lists it. */
  Identified identify(String gateway, SourceEntry entry) {
    String seller = entry.listing().offerLabel(gateway);
    return new Identified(seller, entry, resolver.identify(entry.listing(), seller));
  }

  /** The merge priority of {@code gateway}: lower first. */
  int priorityOf(String gateway) {
    return priorities.getOrDefault(gateway, UNKNOWN_PRIORITY);
  }

  // Of one seller's two listings of a model, the one listed by its exact id becomes the offer.
  // Identifying is pure and most of a whole merge: a large gateway's listings are identified on
  // every core (at 100,000 models the merge at start took seconds on one), in listing order.
  private List<Identified> identified(CatalogState state, String gateway) {
    List<Identified> items = new ArrayList<>();
    for (Identified item : identifyAll(gateway, state.entriesOf(gateway).values())) {
      if (item != null) {
        items.add(item);
      }
    }
    items.sort(Comparator.comparing((Identified item) -> !item.identity().exact()));
    return items;
  }

  /**
   * The identity of each of {@code entries} as {@code gateway} lists them, in their order; null for
   * an entry that is not visible. A large gateway's are identified on every core.
   */
  List<Identified> identifyAll(String gateway, Collection<SourceEntry> entries) {
    Stream<SourceEntry> stream = entries.stream();
    if (entries.size() >= parallelIdentifyFrom) {
      stream = stream.parallel();
    }
    return stream.map(entry -> entry.isVisible() ? identify(gateway, entry) : null).toList();
  }

  private static int entryCount(CatalogState state) {
    int count = 0;
    for (Map<String, SourceEntry> entries : state.sources().values()) {
      count += entries.size();
    }
    return count;
  }

  private List<String> gatewaysByPriority(CatalogState state) {
    List<String> gateways = new ArrayList<>(state.sources().keySet());
    gateways.sort(Comparator.comparingInt(this::priorityOf));
    return gateways;
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
}
