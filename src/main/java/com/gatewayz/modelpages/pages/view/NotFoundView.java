package com.gatewayz.modelpages.pages.view;

import com.gatewayz.modelpages.catalog.Model;
import java.util.List;

/**
 * The 404 page: "Model not found" (or "Page not found"), the id that was asked for (any text,
 * possibly hostile: it is cleaned of control characters and cut here, and escaped by the JSP), a
 * search box prefilled from it, and suggestions. Immutable.
 */
public final class NotFoundView {

  static final int MAX_SHOWN = 200;
  private static final int MAX_QUERY = 100;

  private final String requestedId;
  private final List<ModelCard> suggestions;
  private final SiteContext site;

  private NotFoundView(String requestedId, List<Model> suggestions, SiteContext site) {
    this.requestedId = requestedId == null ? "" : Formats.clip(printable(requestedId), MAX_SHOWN);
    this.suggestions = ModelCard.list(suggestions == null ? List.of() : suggestions, site);
    this.site = site;
  }

  /** {@code requestedId} may be null (not a model path) or any text. */
  public static NotFoundView of(String requestedId, List<Model> suggestions, SiteContext site) {
    return new NotFoundView(requestedId, suggestions, site);
  }

  private static String printable(String text) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_SHOWN + 1));
    text.codePoints()
        .limit(MAX_SHOWN + 1L)
        .map(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? ' ' : c)
        .forEach(out::appendCodePoint);
    return out.toString().strip();
  }

  public String getTitle() {
    return getHeading() + " | Gatewayz";
  }

  /** "Model not found" for a model path, else "Page not found" (never the text asked for). */
  public String getHeading() {
    return requestedId.isEmpty() ? "Page not found" : "Model not found";
  }

  public String getMetaDescription() {
    return "This model is not in the Gatewayz catalog. Search the catalog or browse all models.";
  }

  /** The id asked for, as plain text (escape on output); empty when not a model path. */
  public String getRequestedId() {
    return requestedId;
  }

  /** A search prefilled from the requested id's last segment, words split on punctuation. */
  public String getSearchQuery() {
    String last = requestedId.substring(requestedId.lastIndexOf('/') + 1);
    String words = last.replaceAll("[^\\p{L}\\p{N}.]+", " ").strip();
    return words.length() <= MAX_QUERY ? words : words.substring(0, MAX_QUERY).strip();
  }

  public List<ModelCard> getSuggestions() {
    return suggestions;
  }

  public String getFormAction() {
    return site.link("/models");
  }

  public String getModelsHref() {
    return site.link("/models");
  }
}
