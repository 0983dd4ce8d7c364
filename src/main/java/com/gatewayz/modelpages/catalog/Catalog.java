package com.gatewayz.modelpages.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;

/**
 * An immutable snapshot of every model the site knows, in popularity order, with the indexes the
 * pages need. Safe to share between threads; a change builds a new snapshot that {@link
 * CatalogService} swaps in atomically.
 */
public final class Catalog {

  private final List<Model> models;
  // Layered: a snapshot patched for a few models shares the rest of these with the one before.
  private final LayeredMap<String, Model> byId;
  private final LayeredMap<String, List<String>> idsByAlias;
  private final LayeredMap<String, String> canonicalIdOf;
  private final Map<String, RetiredModel> retired;
  private final FacetCounts developers;
  private final FacetCounts gateways;
  private final LayeredMap<String, Long> lastModified;
  // Built by the first search or filtered list of this snapshot.
  private volatile CatalogIndex index;

  private Catalog(
      Collection<Model> models, Map<String, RetiredModel> retired, Map<String, Long> lastModified) {
    this.lastModified = LayeredMap.of(Map.copyOf(lastModified));
    Map<String, Model> ids = new LinkedHashMap<>();
    for (Model model : models) {
      ids.putIfAbsent(model.id(), model);
    }
    this.byId = LayeredMap.of(ids);
    this.models = List.copyOf(ids.values());
    this.idsByAlias = LayeredMap.of(indexAliases(this.models));
    Map<String, String> otherIds = indexOtherIds(this.models, ids::containsKey);
    this.canonicalIdOf = LayeredMap.of(otherIds);
    Map<String, RetiredModel> stillRetired = new LinkedHashMap<>(retired);
    stillRetired.keySet().removeAll(ids.keySet());
    stillRetired.keySet().removeAll(otherIds.keySet());
    this.retired = Map.copyOf(stillRetired);
    this.developers = FacetCounts.of(this.models, Catalog::developerOf);
    this.gateways = FacetCounts.of(this.models, Model::sourceGateways);
  }

  // A change of a few models: the indexes of the others are copied, not rebuilt.
  private Catalog(
      Catalog before,
      List<Model> models,
      Set<String> removed,
      List<Model> added,
      Map<String, RetiredModel> retired,
      Map<String, Long> addedLastModified) {
    // Handed over by the re-merge, which built it for this snapshot: a copy of 100,000 models per
    // webhook was a tenth of its work.
    this.models = Collections.unmodifiableList(models);
    LayeredMap<String, Model>.Edit ids = before.byId.edit();
    removed.forEach(ids::remove);
    added.forEach(model -> ids.put(model.id(), model));
    this.byId = ids.done();
    LayeredMap<String, Long>.Edit times = before.lastModified.edit();
    removed.forEach(times::remove);
    addedLastModified.forEach(times::put);
    this.lastModified = times.done();
    List<Model> gone = new ArrayList<>();
    removed.forEach(id -> gone.add(before.byId.get(id)));
    this.idsByAlias = patchAliases(before.idsByAlias, gone, added);
    this.canonicalIdOf = patchOtherIds(before.canonicalIdOf, gone, added, byId);
    Map<String, RetiredModel> stillRetired = new LinkedHashMap<>(retired);
    stillRetired.keySet().removeIf(id -> byId.containsKey(id) || canonicalIdOf.containsKey(id));
    this.retired = Map.copyOf(stillRetired);
    this.developers = before.developers.patched(gone, added, Catalog::developerOf);
    this.gateways = before.gateways.patched(gone, added, Model::sourceGateways);
  }

  /**
   * {@code before} with the models {@code removed} names replaced by {@code added}; {@code models}
   * is the whole new list in popularity order, kept as it is (the caller hands it over and changes
   * it no more). Only the entries of those models are re-indexed: for a change whose models share
   * no id with the others (as {@link IncrementalMerge} ensures).
   */
  static Catalog patched(
      Catalog before,
      List<Model> models,
      Set<String> removed,
      List<Model> added,
      Map<String, RetiredModel> retired,
      Map<String, Long> addedLastModified) {
    return new Catalog(before, models, removed, added, retired, addedLastModified);
  }

  private static LayeredMap<String, List<String>> patchAliases(
      LayeredMap<String, List<String>> before, List<Model> gone, List<Model> added) {
    LayeredMap<String, List<String>>.Edit index = before.edit();
    for (Model model : gone) {
      List<String> ids = new ArrayList<>(index.getOrDefault(model.alias(), List.of()));
      ids.remove(model.id());
      if (ids.isEmpty()) {
        index.remove(model.alias());
      } else {
        index.put(model.alias(), ids);
      }
    }
    for (Model model : added) {
      if (!model.alias().isEmpty()) {
        List<String> ids = new ArrayList<>(index.getOrDefault(model.alias(), List.of()));
        ids.add(model.id());
        index.put(model.alias(), ids);
      }
    }
    return index.done();
  }

  // The other ids of the changed models are theirs alone: recomputed from the added models.
  private static LayeredMap<String, String> patchOtherIds(
      LayeredMap<String, String> before,
      List<Model> gone,
      List<Model> added,
      LayeredMap<String, Model> byId) {
    LayeredMap<String, String>.Edit index = before.edit();
    gone.forEach(model -> CanonicalIds.membersOf(model).forEach(index::remove));
    added.forEach(model -> CanonicalIds.membersOf(model).forEach(index::remove));
    indexOtherIds(added, byId::containsKey).forEach(index::put);
    return index.done();
  }

  private static List<String> developerOf(Model model) {
    return List.of(model.developer());
  }

  public static Catalog of(Collection<Model> models) {
    return new Catalog(models, Map.of(), Map.of());
  }

  /** Models in popularity order (the first of a duplicated id wins), and retired models. */
  public static Catalog of(Collection<Model> models, Map<String, RetiredModel> retired) {
    return new Catalog(models, retired, Map.of());
  }

  /** As above, with when each model last changed (epoch ms), for sitemaps. */
  public static Catalog of(
      Collection<Model> models, Map<String, RetiredModel> retired, Map<String, Long> lastModified) {
    return new Catalog(models, retired, lastModified);
  }

  public static Catalog empty() {
    return of(List.of());
  }

  private static Map<String, List<String>> indexAliases(List<Model> models) {
    Map<String, List<String>> index = new HashMap<>();
    for (Model model : models) {
      String alias = model.alias();
      if (!alias.isEmpty()) {
        index.computeIfAbsent(alias, a -> new ArrayList<>(1)).add(model.id());
      }
    }
    return index;
  }

  // The ids gateways list a model under besides its own, each leading to exactly one model.
  private static Map<String, String> indexOtherIds(
      List<Model> models, java.util.function.Predicate<String> isModelId) {
    Map<String, String> index = new HashMap<>();
    java.util.Set<String> ambiguous = new java.util.HashSet<>();
    for (Model model : models) {
      for (String other : CanonicalIds.membersOf(model)) {
        if (!isModelId.test(other) && !ambiguous.contains(other)) {
          String before = index.putIfAbsent(other, model.id());
          if (before != null && !before.equals(model.id())) {
            index.remove(other);
            ambiguous.add(other);
          }
        }
      }
    }
    return Map.copyOf(index);
  }

  /** The search and filter indexes of this snapshot, built at the first call. */
  public CatalogIndex index() {
    CatalogIndex built = index;
    if (built == null) {
      synchronized (this) {
        built = index;
        if (built == null) {
          built = new CatalogIndex(models);
          index = built;
        }
      }
    }
    return built;
  }

  /** Every model, most popular first. */
  public List<Model> models() {
    return models;
  }

  public int size() {
    return models.size();
  }

  public Optional<Model> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /**
   * The canonical id of the model that {@code id} is another id of (a gateway lists the model under
   * it, or the model was published under it first); empty for model ids and unknown ids.
   */
  public Optional<String> canonicalIdOf(String id) {
    return Optional.ofNullable(canonicalIdOf.get(id));
  }

  /** The model {@code id} names: by its own id or by another id of it. */
  public Optional<Model> findByAnyId(String id) {
    Model model = byId.get(id);
    if (model != null) {
      return Optional.of(model);
    }
    String canonical = canonicalIdOf.get(id);
    return canonical == null ? Optional.empty() : Optional.ofNullable(byId.get(canonical));
  }

  /** The other ids of a model: every id besides its own that leads to it. */
  public List<String> aliasesOf(Model model) {
    List<String> aliases = new ArrayList<>();
    for (String member : CanonicalIds.membersOf(model)) {
      if (model.id().equals(canonicalIdOf.get(member))) {
        aliases.add(member);
      }
    }
    return aliases;
  }

  /** The id of the one model whose alias is {@code slug}; empty when none or several share it. */
  public Optional<String> uniqueAlias(String slug) {
    List<String> ids = idsByAlias.get(slug);
    return ids != null && ids.size() == 1 ? Optional.of(ids.get(0)) : Optional.empty();
  }

  public Optional<RetiredModel> retired(String id) {
    return Optional.ofNullable(retired.get(id));
  }

  /** When the model's data last changed (epoch ms), when known. */
  public java.util.OptionalLong lastModified(String id) {
    Long millis = lastModified.get(id);
    return millis == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(millis);
  }

  /** Developer slugs, sorted. */
  public SortedSet<String> developers() {
    return developers.values();
  }

  /** Ids of the gateways that offer at least one model, sorted. */
  public SortedSet<String> gateways() {
    return gateways.values();
  }
}
