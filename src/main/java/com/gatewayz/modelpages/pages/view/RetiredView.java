package com.gatewayz.modelpages.pages.view;

import com.gatewayz.modelpages.catalog.Model;
import com.gatewayz.modelpages.catalog.RetiredModel;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The 410 page of a model that was removed: "This model was retired", when, a search link for its
 * name and similar models still offered. Immutable.
 */
public final class RetiredView {

  private final RetiredModel retired;
  private final List<ModelCard> similar;
  private final SiteContext site;

  private RetiredView(RetiredModel retired, List<Model> similar, SiteContext site) {
    this.retired = retired;
    this.similar = ModelCard.list(similar == null ? List.of() : similar, site);
    this.site = site;
  }

  public static RetiredView of(RetiredModel retired, List<Model> similar, SiteContext site) {
    return new RetiredView(retired, similar, site);
  }

  public String getTitle() {
    return getName() + " was retired | Gatewayz";
  }

  public String getMetaDescription() {
    return Formats.clip(
        getName() + " is no longer offered by any gateway. See similar models on Gatewayz.",
        MetaText.MAX_DESCRIPTION);
  }

  public String getId() {
    return retired.id();
  }

  /** The model's name, or its id when it had none. */
  public String getName() {
    String name = retired.name();
    return name == null || name.isBlank() ? retired.id() : name;
  }

  /** The developer's display name; empty when unknown. */
  public String getDeveloper() {
    return retired.developer() == null ? "" : DisplayNames.developer(retired.developer());
  }

  /** "2025-09-29" (UTC); empty when the time is unknown. */
  public String getRetiredOn() {
    return retired.retiredAt() > 0 ? Formats.dateMillis(retired.retiredAt()) : "";
  }

  /** The index searched for this model's name. */
  public String getSearchHref() {
    String q = getName().length() > 100 ? getName().substring(0, 100) : getName();
    return site.link("/models?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
  }

  public String getModelsHref() {
    return site.link("/models");
  }

  public List<ModelCard> getSimilar() {
    return similar;
  }
}
