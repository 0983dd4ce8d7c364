package com.gatewayz.modelpages.pages.view;

import com.gatewayz.modelpages.catalog.Catalog;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The index's filter form and sort links: the options of each select (the first is "any", with an
 * empty value), the free checkbox and one link per sort order that keeps the other parameters.
 */
public final class IndexFilters {

  private static final List<String> MODALITIES = List.of("text", "image", "audio", "file", "video");
  static final int MAX_DEVELOPERS = 100;

  private final Catalog catalog;
  private final IndexQuery query;
  private final Function<IndexQuery, String> hrefOf;

  IndexFilters(Catalog catalog, IndexQuery query, Function<IndexQuery, String> hrefOf) {
    this.catalog = catalog;
    this.query = query;
    this.hrefOf = hrefOf;
  }

  /**
   * "Any developer" and every developer, by display name; of a catalog with more than {@value
   * #MAX_DEVELOPERS}, those with the most models and the one selected.
   */
  public List<Option> getDevelopers() {
    return options("Any developer", shownDevelopers(), DisplayNames::developer, query.developer());
  }

  private Collection<String> shownDevelopers() {
    if (catalog.developers().size() <= MAX_DEVELOPERS) {
      return catalog.developers();
    }
    java.util.Set<String> shown =
        new java.util.LinkedHashSet<>(catalog.index().topDevelopers(MAX_DEVELOPERS));
    if (query.developer() != null) {
      shown.add(query.developer());
    }
    return shown;
  }

  public List<Option> getGateways() {
    return options("Any gateway", catalog.gateways(), DisplayNames::gateway, query.gateway());
  }

  /** "Any input" and text, image, audio, file, video. */
  public List<Option> getModalities() {
    List<Option> options = new ArrayList<>();
    options.add(new Option("", "Any input", query.modality() == null, ""));
    for (String modality : MODALITIES) {
      options.add(
          new Option(
              modality, Formats.capitalised(modality), modality.equals(query.modality()), ""));
    }
    return options;
  }

  public boolean isFree() {
    return query.free();
  }

  /** The current sort parameter ("popular", "price", ...). */
  public String getSort() {
    return query.sort().param();
  }

  /** One link per sort order, back to page 1, other parameters kept. */
  public List<Option> getSorts() {
    List<Option> options = new ArrayList<>();
    for (IndexQuery.Sort sort : IndexQuery.Sort.values()) {
      options.add(
          new Option(
              sort.param(),
              sortLabel(sort),
              sort == query.sort(),
              hrefOf.apply(query.withSort(sort))));
    }
    return options;
  }

  private static String sortLabel(IndexQuery.Sort sort) {
    return switch (sort) {
      case POPULAR -> "Popular";
      case NAME -> "Name";
      case PRICE -> "Lowest price";
      case CONTEXT -> "Longest context";
      case NEWEST -> "Newest";
    };
  }

  private static List<Option> options(
      String any, Collection<String> values, UnaryOperator<String> label, String selected) {
    List<Option> options = new ArrayList<>(values.size() + 1);
    options.add(new Option("", any, selected == null, ""));
    values.stream()
        .map(value -> new Option(value, label.apply(value), value.equals(selected), ""))
        .sorted(Comparator.comparing((Option o) -> o.getLabel().toLowerCase(Locale.ROOT)))
        .forEach(options::add);
    return options;
  }
}
