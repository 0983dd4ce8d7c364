package com.gatewayz.modelpages.pages.view;

import com.gatewayz.modelpages.catalog.Model;
import com.gatewayz.modelpages.catalog.PriceFormat;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;

/**
 * One model as a card or list item on the index, in "Similar models" and in suggestions: values
 * formatted and the link built; the JSP escapes them on output. Immutable.
 */
public final class ModelCard {

  private final String id;
  private final String name;
  private final String developer;
  private final String href;
  private final String context;
  private final String contextTitle;
  private final String inputPrice;
  private final String outputPrice;
  private final boolean free;
  private final SiteContext site;

  // A popular model is a card on many pages (index pages, everyone's similar models): formatted
  // once while the Model object is unchanged (a changed model is a new object). Weak keys compare
  // by identity and let models no snapshot holds go.
  private static final int MAX_CARDS = 20_000;
  private static final Cache<Model, ModelCard> CARDS =
      Caffeine.newBuilder().weakKeys().maximumSize(MAX_CARDS).executor(Runnable::run).build();

  private ModelCard(Model model, SiteContext site) {
    this.id = model.id();
    this.name = model.name();
    this.developer = DisplayNames.developer(model.developer());
    this.href = site.link(model.pagePath());
    this.context = Formats.tokens(model.contextLength());
    this.contextTitle = Formats.exactTokens(model.contextLength());
    this.inputPrice = PriceFormat.perMillion(model.pricing().prompt());
    this.outputPrice = PriceFormat.perMillion(model.pricing().completion());
    this.free = model.pricing().isFree();
    this.site = site;
  }

  public static ModelCard of(Model model, SiteContext site) {
    ModelCard card = CARDS.getIfPresent(model);
    if (card == null || !card.site.equals(site)) {
      card = new ModelCard(model, site);
      CARDS.put(model, card);
    }
    return card;
  }

  public static List<ModelCard> list(List<Model> models, SiteContext site) {
    return models.stream().map(model -> of(model, site)).toList();
  }

  public String getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  /** The developer's display name ("Anthropic"); empty when unknown. */
  public String getDeveloper() {
    return developer;
  }

  /** The page link within the site, context path included. */
  public String getHref() {
    return href;
  }

  /** "200K tokens", or an em dash. */
  public String getContext() {
    return context;
  }

  /** "200,000 tokens" for a title attribute; empty when unknown. */
  public String getContextTitle() {
    return contextTitle;
  }

  public String getInputPrice() {
    return inputPrice;
  }

  public String getOutputPrice() {
    return outputPrice;
  }

  public boolean isFree() {
    return free;
  }
}
