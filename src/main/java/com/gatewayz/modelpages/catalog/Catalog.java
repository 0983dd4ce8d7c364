package com.gatewayz.modelpages.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * An immutable snapshot of every model the site knows, in popularity order, with the indexes the
 * pages need. Safe to share between threads; a change builds a new snapshot that {@link
 * CatalogService} swaps in atomically.
 */
public final class Catalog {

  private final List<Model> models;
  private final Map<String, Model> byId;
  private final Map<String, List<String>> idsByAlias;
  private final Map<String, String> canonicalIdOf;
  private final Map<String, RetiredModel> retired;
  private final SortedSet<String> developers;
  private final SortedSet<String> gateways;
  private final Map<String, Long> lastModified;

  private Catalog(Collection<Model> models, Map<String, RetiredModel> retired, Map<String, Long> lastModified) {
    this.lastModified = Map.copyOf(lastModified);
    this.byId = new LinkedHashMap<>();
    for (Model model : models) {
      byId.putIfAbsent(model.id(), model);
    }
    this.models = List.copyOf(byId.values());
    this.idsByAlias = indexAliases(this.models);
    this.canonicalIdOf = indexOtherIds(this.models, byId);
    Map<String, RetiredModel> stillRetired = new LinkedHashMap<>(retired);
    stillRetired.keySet().removeAll(byId.keySet());
    stillRetired.keySet().removeAll(canonicalIdOf.keySet());
    this.retired = Map.copyOf(stillRetired);
    this.developers = new TreeSet<>();
    this.gateways = new TreeSet<>();
    for (Model model : this.models) {
      if (!model.developer().isEmpty()) {
        developers.add(model.developer());
      }
      gateways.addAll(model.sourceGateways());
    }
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
  private static Map<String, String> indexOtherIds(List<Model> models, Map<String, Model> byId) {
    Map<String, String> index = new HashMap<>();
    java.util.Set<String> ambiguous = new java.util.HashSet<>();
    for (Model model : models) {
      for (String other : CanonicalIds.membersOf(model)) {
        if (!byId.containsKey(other) && !ambiguous.contains(other)) {
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
    return java.util.Collections.unmodifiableSortedSet(developers);
  }

  /** Ids of the gateways that offer at least one model, sorted. */
  public SortedSet<String> gateways() {
    return java.util.Collections.unmodifiableSortedSet(gateways);
  }
}
