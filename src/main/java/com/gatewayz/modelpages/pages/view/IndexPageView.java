package com.gatewayz.modelpages.pages.view;

import com.gatewayz.modelpages.catalog.Catalog;
import java.util.List;

/**
 * Everything {@code index.jsp} shows: the search and filter form, sort links, one page of result
 * cards and the pagination. Every link keeps the other parameters (search included) and is built
 * from {@link IndexQuery}; the JSP escapes all values. Immutable.
 */
public final class IndexPageView {

  private final IndexQuery query;
  private final ModelSearch.Result result;
  private final SiteContext site;
  private final IndexFilters filters;
  private final List<ModelCard> cards;

  private IndexPageView(
      Catalog catalog, IndexQuery query, ModelSearch.Result result, SiteContext site) {
    this.query = query.withPage(result.page());
    this.result = result;
    this.site = site;
    this.filters = new IndexFilters(catalog, this.query, this::href);
    this.cards = ModelCard.list(result.models(), site);
  }

  /** The index page for {@code query}, showing {@code result} (the search already run). */
  public static IndexPageView of(
      Catalog catalog, IndexQuery query, ModelSearch.Result result, SiteContext site) {
    return new IndexPageView(catalog, query, result, site);
  }

  String href(IndexQuery target) {
    String parameters = target.queryString(true);
    return site.link("/models") + (parameters.isEmpty() ? "" : "?" + parameters);
  }

  public String getTitle() {
    String suffix = result.page() > 1 ? " \u2013 page " + result.page() : "";
    return getHeading() + suffix + " | Gatewayz";
  }

  /** "AI models", "Anthropic models", "Models on Groq" or "Search results". */
  public String getHeading() {
    if (query.q() != null) {
      return "Search results";
    }
    if (query.developer() != null) {
      return DisplayNames.developer(query.developer()) + " models";
    }
    return query.gateway() == null
        ? "AI models"
        : "Models on " + DisplayNames.gateway(query.gateway());
  }

  public String getMetaDescription() {
    return "Compare prices, context length and gateways for "
        + Formats.grouped(result.total())
        + " AI models. Prices in USD per 1M tokens from every gateway that offers them.";
  }

  /**
   * The absolute URL of this page without the free-text search; a sorted page points to the
   * unsorted first page of its filters (a sort shows the same models, it is not a page of its own).
   */
  public String getCanonicalUrl() {
    IndexQuery canonical =
        query.sort() == IndexQuery.Sort.POPULAR ? query : query.withSort(IndexQuery.Sort.POPULAR);
    return site.absolute(canonical.cacheKey());
  }

  /** Search results and empty results are not indexed; filtered pages with models are. */
  public String getRobots() {
    return query.q() == null && result.total() > 0 ? "index, follow" : "noindex, follow";
  }

  public String getFormAction() {
    return site.link("/models");
  }

  /** The search text; empty when none. */
  public String getQ() {
    return query.q() == null ? "" : query.q();
  }

  public IndexFilters getFilters() {
    return filters;
  }

  public List<ModelCard> getCards() {
    return cards;
  }

  /** "1,234 models", or "49–96 of 1,234 models" beyond one page; "No models" when empty. */
  public String getSummary() {
    if (result.total() == 0) {
      return "No models match";
    }
    String count = Formats.grouped(result.total()) + (result.total() == 1 ? " model" : " models");
    if (result.pageCount() == 1) {
      return count;
    }
    int from = (result.page() - 1) * IndexQuery.PAGE_SIZE + 1;
    int to = from + result.models().size() - 1;
    return from + "\u2013" + to + " of " + count;
  }

  public int getPage() {
    return result.page();
  }

  public int getPageCount() {
    return result.pageCount();
  }

  /** The previous page; empty on the first. */
  public String getPrevHref() {
    return result.page() > 1 ? href(query.withPage(result.page() - 1)) : "";
  }

  /** The next page; empty on the last. */
  public String getNextHref() {
    return result.page() < result.pageCount() ? href(query.withPage(result.page() + 1)) : "";
  }

  /** Page numbers with links, the current page and gaps; a single item when one page. */
  public List<PageLink> getPages() {
    return PageLink.around(result.page(), result.pageCount(), n -> href(query.withPage(n)));
  }

  public boolean isFiltered() {
    return query.isFiltered();
  }

  /** The unfiltered index. */
  public String getResetHref() {
    return site.link("/models");
  }
}
