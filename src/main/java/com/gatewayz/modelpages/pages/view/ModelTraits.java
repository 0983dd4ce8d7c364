package com.gatewayz.modelpages.pages.view;

import com.gatewayz.modelpages.catalog.Model;
import com.gatewayz.modelpages.catalog.RetiredModel;
import com.gatewayz.modelpages.catalog.Slugs;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;

/**
 * What {@link SimilarModels} compares: developer, name stems and, when known, price and context.
 *
 * @param family the leading letters of the id's last segment ({@code claude} for {@code
 *     claude-sonnet-4.6}, {@code qwen} for {@code qwen3.6-plus}); empty when shorter than 2
 * @param line up to two leading words without digits ({@code claude-sonnet} for {@code
 *     claude-sonnet-4.6} and {@code claude-sonnet-latest}); empty when that is just the family
 * @param price the headline input price per token; null when unknown or variable
 * @param context 0 when unknown
 * @param approximatePrice {@code price} as a double (NaN when null), converted once: a render
 *     compares it with thousands of candidates' prices ({@link SimilarModels})
 * @param scaledPrice {@code price} times 10<sup>18</sup> when that is a positive long, else -1: the
 *     exact comparisons near a threshold then multiply longs instead of allocating BigDecimals
 */
record ModelTraits(
    String developer,
    String family,
    String line,
    BigDecimal price,
    long context,
    double approximatePrice,
    long scaledPrice) {

  /** {@link #priceSign()} of an unknown or variable price. */
  static final int NO_PRICE = -2;

  // Prices of one scale compare as longs: BigDecimal aligns differing scales at every compareTo,
  // and a ratio of exactly 2 or 4 (common between round prices) is decided by the exact products.
  private static final int COMMON_SCALE = 18;

  ModelTraits(String developer, String family, String line, BigDecimal price, long context) {
    this(
        developer,
        family,
        line,
        commonScale(price),
        context,
        price == null ? Double.NaN : price.doubleValue(),
        scaled(commonScale(price)));
  }

  private static long scaled(BigDecimal price) {
    if (price == null || price.signum() <= 0 || price.scale() != COMMON_SCALE) {
      return -1;
    }
    BigInteger unscaled = price.unscaledValue();
    return unscaled.bitLength() < Long.SIZE ? unscaled.longValue() : -1;
  }

  // The same value: only a price with at most COMMON_SCALE decimals is rescaled (never rounded).
  private static BigDecimal commonScale(BigDecimal price) {
    return price == null || price.scale() > COMMON_SCALE || price.scale() < 0
        ? price
        : price.setScale(COMMON_SCALE);
  }

  /** The price's sign (0 free, 1 priced), or {@link #NO_PRICE}. */
  int priceSign() {
    return price == null ? NO_PRICE : price.signum();
  }

  static ModelTraits of(Model model) {
    BigDecimal prompt = model.pricing().prompt();
    BigDecimal price = prompt == null || prompt.signum() < 0 ? null : prompt;
    return of(model.id(), model.developer(), price, model.contextLength());
  }

  static ModelTraits of(RetiredModel retired) {
    String developer = retired.developer();
    if (developer == null || developer.isEmpty()) {
      developer = Slugs.developerOf(retired.id());
    }
    return of(retired.id(), developer, null, 0);
  }

  private static ModelTraits of(String id, String developer, BigDecimal price, long context) {
    String last = id.substring(id.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    int colon = last.indexOf(':');
    String base = colon < 0 ? last : last.substring(0, colon);
    String family = leadingLetters(base);
    String line = leadingWords(base);
    return new ModelTraits(
        developer == null ? "" : developer,
        family.length() < 2 ? "" : family,
        line.equals(family) ? "" : line,
        price,
        context);
  }

  private static String leadingLetters(String text) {
    int end = 0;
    while (end < text.length() && Character.isLetter(text.charAt(end))) {
      end++;
    }
    return text.substring(0, end);
  }

  private static String leadingWords(String text) {
    StringBuilder line = new StringBuilder();
    String[] words = text.split("-");
    for (int i = 0; i < Math.min(words.length, 2); i++) {
      String word = words[i];
      if (word.chars().anyMatch(Character::isDigit)) {
        break;
      }
      line.append(line.length() == 0 ? "" : "-").append(word);
    }
    return line.toString();
  }
}
