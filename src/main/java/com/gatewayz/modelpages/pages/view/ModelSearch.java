package com.gatewayz.modelpages.pages.view;

import com.gatewayz.modelpages.catalog.Catalog;
import com.gatewayz.modelpages.catalog.CatalogIndex;
import com.gatewayz.modelpages.catalog.Model;
import com.gatewayz.modelpages.catalog.Pricing;
import com.gatewayz.modelpages.catalog.TextQuery;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/** Filters, sorts and pages the catalog for the index and the API. Stateless. */
public final class ModelSearch {

  private ModelSearch() {}

  /** One page of results and the total number of matches. */
  public record Result(List<Model> models, int total, int page, int pageCount) {}

  public static Result run(Catalog catalog, IndexQuery query) {
    TextQuery text = query.q() == null ? null : TextQuery.of(query.q());
    return answeredByIndex(query) ? fromIndex(catalog, query, text) : scanned(catalog, query, text);
  }

  // The index knows developer, gateway, text, popularity and price order; not modality or free.
  private static boolean answeredByIndex(IndexQuery query) {
    return query.modality() == null
        && !query.free()
        && (query.sort() == IndexQuery.Sort.POPULAR || query.sort() == IndexQuery.Sort.PRICE);
  }

  // Only the page shown is listed: the total comes from the index's count.
  private static Result fromIndex(Catalog catalog, IndexQuery query, TextQuery text) {
    boolean cheapest = query.sort() == IndexQuery.Sort.PRICE;
    CatalogIndex index = catalog.index();
    int size = IndexQuery.PAGE_SIZE;
    CatalogIndex.Selection selection =
        index.page(
            query.developer(), query.gateway(), text, cheapest, (query.page() - 1) * size, size);
    int pageCount = pageCount(selection.total());
    int page = Math.min(query.page(), pageCount);
    if (page != query.page()) {
      selection =
          index.page(query.developer(), query.gateway(), text, cheapest, (page - 1) * size, size);
    }
    return new Result(List.copyOf(selection.models()), selection.total(), page, pageCount);
  }

  private static Result scanned(Catalog catalog, IndexQuery query, TextQuery text) {
    // The snapshot's index selects (and orders by price); the other filters check what it found.
    boolean cheapest = query.sort() == IndexQuery.Sort.PRICE;
    List<Model> selected =
        catalog.index().select(query.developer(), query.gateway(), text, cheapest);
    List<Model> matches =
        sorted(
            selected.stream().filter(model -> matches(model, query, null)),
            cheapest ? IndexQuery.Sort.POPULAR : query.sort());
    int pageCount = pageCount(matches.size());
    int page = Math.min(query.page(), pageCount);
    int from = (page - 1) * IndexQuery.PAGE_SIZE;
    List<Model> slice =
        matches.subList(from, Math.min(matches.size(), from + IndexQuery.PAGE_SIZE));
    return new Result(List.copyOf(slice), matches.size(), page, pageCount);
  }

  private static int pageCount(int total) {
    return Math.max(1, (total + IndexQuery.PAGE_SIZE - 1) / IndexQuery.PAGE_SIZE);
  }

  private static boolean matches(Model model, IndexQuery query, TextQuery text) {
    return (query.developer() == null || query.developer().equals(model.developer()))
        && (query.gateway() == null || model.sourceGateways().contains(query.gateway()))
        && (query.modality() == null
            || model.architecture().inputModalities().contains(query.modality()))
        && (!query.free() || model.pricing().isFree())
        && (text == null || text.matches(model));
  }

  private static List<Model> sorted(Stream<Model> models, IndexQuery.Sort sort) {
    Comparator<Model> order =
        switch (sort) {
          case POPULAR -> null;
          case NAME -> Comparator.comparing((Model m) -> m.name().toLowerCase(Locale.ROOT));
          case PRICE -> Comparator.comparing(Model::pricing, Pricing.CHEAPEST_FIRST);
          case CONTEXT -> Comparator.comparingLong(Model::contextLength).reversed();
          case NEWEST ->
              Comparator.comparing(
                  (Model m) -> Objects.requireNonNullElse(m.created(), 0L),
                  Comparator.reverseOrder());
        };
    return order == null ? models.toList() : models.sorted(order).toList();
  }
}
