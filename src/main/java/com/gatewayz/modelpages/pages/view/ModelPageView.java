package com.gatewayz.modelpages.pages.view;

import com.gatewayz.modelpages.catalog.Catalog;
import com.gatewayz.modelpages.catalog.Model;
import com.gatewayz.modelpages.catalog.PriceFormat;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything {@code model.jsp} shows for one model, formatted and linked. Plain-text getters are
 * escaped by the JSP; {@link #getDescriptionHtml()} is sanitised HTML and {@link #getJsonLd()} is
 * script-safe JSON, both output raw. Immutable; built once per render.
 */
public final class ModelPageView {

  static final int SIMILAR_LIMIT = 6;

  private final Model model;
  private final SiteContext site;
  private final String descriptionHtml;
  private final String metaDescription;
  private final List<OfferRow> offers;
  private final List<Model> similar;
  private final List<ModelCard> similarCards;
  private final String jsonLd;

  private ModelPageView(Model model, Catalog catalog, SiteContext site) {
    this.model = model;
    this.site = site;
    MarkdownHtml.Rendered description = MarkdownHtml.rendered(model.description());
    this.descriptionHtml = description.html();
    this.metaDescription =
        MetaText.orElse(MetaText.firstSentence(description.text()), fallbackSummary());
    this.offers = OfferRow.of(model, site);
    this.similar = SimilarModels.of(model, catalog, SIMILAR_LIMIT);
    this.similarCards = ModelCard.list(similar, site);
    this.jsonLd = JsonLd.forModel(model, metaDescription, getCanonicalUrl());
  }

  /** The page of {@code model}, with similar models from {@code catalog}. */
  public static ModelPageView of(Model model, Catalog catalog, SiteContext site) {
    return new ModelPageView(model, catalog, site);
  }

  private String fallbackSummary() {
    String by = model.developer().isEmpty() ? "" : " by " + getDeveloper();
    return Formats.clip(
        model.name() + by + ": prices, context length and gateways offering it.",
        MetaText.MAX_DESCRIPTION);
  }

  /** The ids of every model whose data this page shows: the model and its similar models. */
  public Set<String> shownModelIds() {
    Set<String> ids = new LinkedHashSet<>();
    ids.add(model.id());
    similar.forEach(other -> ids.add(other.id()));
    return Set.copyOf(ids);
  }

  public String getTitle() {
    return model.name() + " | Gatewayz";
  }

  /** Plain text, at most 160 characters: the description's first sentence or a summary. */
  public String getMetaDescription() {
    return metaDescription;
  }

  public String getCanonicalUrl() {
    return site.absolute(model.pagePath());
  }

  /** Script-safe JSON-LD ({@code <}, {@code >}, {@code &} escaped); output raw in its script. */
  public String getJsonLd() {
    return jsonLd;
  }

  public String getId() {
    return model.id();
  }

  public String getName() {
    return model.name();
  }

  /** The developer's display name; empty when unknown. */
  public String getDeveloper() {
    return DisplayNames.developer(model.developer());
  }

  /** The index filtered to this developer; empty when the developer is unknown. */
  public String getDeveloperHref() {
    String slug = model.developer();
    return slug.isEmpty()
        ? ""
        : site.link("/models?developer=" + URLEncoder.encode(slug, StandardCharsets.UTF_8));
  }

  public String getModelsHref() {
    return site.link("/models");
  }

  public String getContext() {
    return Formats.tokens(model.contextLength());
  }

  public String getContextTitle() {
    return Formats.exactTokens(model.contextLength());
  }

  /** Headline (cheapest) input price: "$0.70 / 1M", "Free", "Variable" or an em dash. */
  public String getInputPrice() {
    return PriceFormat.perMillion(model.pricing().prompt());
  }

  public String getOutputPrice() {
    return PriceFormat.perMillion(model.pricing().completion());
  }

  /** The display name of the gateway with the headline price; empty when none is named. */
  public String getPriceGateway() {
    String gateway = model.pricingGateway();
    return gateway == null || offers.size() < 2 ? "" : DisplayNames.gateway(gateway);
  }

  public boolean isFree() {
    return model.pricing().isFree();
  }

  /** "2025-09-29" (UTC); empty when unknown. */
  public String getCreated() {
    return Formats.date(model.created());
  }

  /** Input modalities as labels ("Text", "Image"). */
  public List<String> getInputModalities() {
    return model.architecture().inputModalities().stream().map(Formats::capitalised).toList();
  }

  public List<String> getOutputModalities() {
    return model.architecture().outputModalities().stream().map(Formats::capitalised).toList();
  }

  /** Sanitised HTML of the Markdown description, safe to output raw; empty when none. */
  public String getDescriptionHtml() {
    return descriptionHtml;
  }

  /** API parameter names as the API spells them ({@code max_tokens}). */
  public List<String> getSupportedParameters() {
    return model.supportedParameters();
  }

  public List<OfferRow> getOffers() {
    return offers;
  }

  public List<CodeSample> getCodeSamples() {
    return CodeSamples.of(model.id()).getAll();
  }

  public List<ModelCard> getSimilar() {
    return similarCards;
  }
}
