package com.gatewayz.modelpages.catalog;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The one set of bounds on what the catalog keeps of a listing, applied by {@link Listing}'s
 * constructor to everything: gateway lists, webhooks, and the stored catalog when it is loaded, so
 * whatever was accepted once loads again. A value outside them is clamped (text cleaned and cut,
 * lists shortened) or becomes unknown (a release date after the year 3000, a price above 1,000 USD
 * per token). The strict webhook reader ({@link ModelJson}) rejects with the same numbers.
 */
public final class ListingBounds {

  public static final int MAX_NAME = 256;
  public static final int MAX_DESCRIPTION = 20_000;

  /** Developer and provider slugs. */
  public static final int MAX_SLUG = 64;

  public static final long MAX_TOKENS = 100_000_000L;

  /** 3000-01-01T00:00:00Z in epoch seconds: later release dates are garbage or milliseconds. */
  public static final long MAX_CREATED = 32_503_680_000L;

  /** Supported parameters and modalities: items per list, characters per item. */
  public static final int MAX_LIST_ITEMS = 128;

  public static final int MAX_LIST_ITEM = 64;

  /** USD per token; -1 is OpenRouter's "variable" router price. */
  public static final BigDecimal MIN_PRICE = BigDecimal.ONE.negate();

  public static final BigDecimal MAX_PRICE = BigDecimal.valueOf(1000);
  public static final int MAX_PRICE_SCALE = 30;

  private ListingBounds() {}

  /** Why {@code price} is out of bounds, or null when it is within them. */
  public static String priceProblem(BigDecimal price) {
    if (price.compareTo(MIN_PRICE) < 0 || price.compareTo(MAX_PRICE) > 0) {
      return "must be a price in USD per token between -1 and 1000";
    }
    if (price.stripTrailingZeros().scale() > MAX_PRICE_SCALE) {
      return "has more than " + MAX_PRICE_SCALE + " decimal places";
    }
    return null;
  }

  /** {@code value} cut to {@code max} characters without splitting a surrogate pair. */
  public static String cut(String value, int max) {
    if (value.length() <= max) {
      return value;
    }
    int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
    return value.substring(0, end);
  }

  /** One line of text, cleaned, trimmed and cut; null when nothing is left. */
  static String line(String text, int max) {
    return text == null ? null : nonBlank(cut(CleanText.line(text).strip(), max).strip());
  }

  static String paragraphs(String text, int max) {
    return text == null ? null : nonBlank(cut(CleanText.paragraphs(text).strip(), max).strip());
  }

  private static String nonBlank(String text) {
    return text.isEmpty() ? null : text;
  }

  static Long tokens(Long value) {
    return value == null || value <= 0 || value > MAX_TOKENS ? null : value;
  }

  static Long created(Long value) {
    return value == null || value <= 0 || value > MAX_CREATED ? null : value;
  }

  static Pricing pricing(Pricing pricing) {
    if (pricing == null) {
      return Pricing.UNKNOWN;
    }
    BigDecimal prompt = price(pricing.prompt());
    BigDecimal completion = price(pricing.completion());
    return prompt == pricing.prompt() && completion == pricing.completion()
        ? pricing
        : new Pricing(prompt, completion);
  }

  private static BigDecimal price(BigDecimal price) {
    return price == null || priceProblem(price) != null ? null : price;
  }

  /**
   * The distinct items, each cleaned and trimmed; blank or too long ones dropped; the first 128.
   */
  static List<String> strings(List<String> values) {
    if (values == null) {
      return List.of();
    }
    Set<String> out = new LinkedHashSet<>();
    for (String value : values) {
      String item = value == null ? "" : CleanText.line(value).strip();
      if (!item.isEmpty() && item.length() <= MAX_LIST_ITEM && out.size() < MAX_LIST_ITEMS) {
        out.add(item);
      }
    }
    return List.copyOf(out);
  }

  static Architecture architecture(Architecture architecture) {
    return architecture == null
        ? null
        : new Architecture(
            strings(architecture.inputModalities()), strings(architecture.outputModalities()));
  }

  /**
   * A developer slug ({@link Slugs#developer}) of at most 64 characters; else the one the id
   * implies.
   */
  static String developer(String given, String id) {
    String slug = given == null ? "" : slug(CleanText.line(given));
    return slug.isEmpty() ? slug(Slugs.developerOf(id)) : slug;
  }

  private static String slug(String text) {
    String slug = Slugs.developer(text);
    if (slug.length() <= MAX_SLUG) {
      return slug;
    }
    return Slugs.developer(slug.substring(0, MAX_SLUG));
  }
}
