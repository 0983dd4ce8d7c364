package com.gatewayz.modelpages.catalog;

import java.math.BigDecimal;
import java.util.Comparator;

/**
 * Prices in exact USD per token. A null part is unknown (the gateway lists no price); a negative
 * part is variable (OpenRouter prices its auto-router {@code -1}) and never counts as free.
 */
public record Pricing(BigDecimal prompt, BigDecimal completion) {

  public static final Pricing UNKNOWN = new Pricing(null, null);

  /** Orders known prices before unknown ones, then by prompt + completion, variable prices last. */
  public static final Comparator<Pricing> CHEAPEST_FIRST =
      Comparator.comparingInt(Pricing::rank).thenComparing(Pricing::total);

  public Pricing {
    prompt = normalise(prompt);
    completion = normalise(completion);
  }

  /** Parses prices given as decimal strings per token; blank or null parts are unknown. */
  public static Pricing perToken(String prompt, String completion) {
    return new Pricing(parse(prompt), parse(completion));
  }

  public boolean isKnown() {
    return prompt != null || completion != null;
  }

  public boolean isVariable() {
    return isNegative(prompt) || isNegative(completion);
  }

  /** Free when every known part is zero and at least one part is known. */
  public boolean isFree() {
    return isKnown() && isZeroOrNull(prompt) && isZeroOrNull(completion);
  }

  private int rank() {
    if (!isKnown()) {
      return 2;
    }
    return isVariable() ? 1 : 0;
  }

  private BigDecimal total() {
    BigDecimal sum = BigDecimal.ZERO;
    if (prompt != null && prompt.signum() > 0) {
      sum = sum.add(prompt);
    }
    if (completion != null && completion.signum() > 0) {
      sum = sum.add(completion);
    }
    return sum;
  }

  private static BigDecimal parse(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return new BigDecimal(value.trim());
  }

  // Scale is not part of a price's identity: 0.0000030 and 0.000003 are the same price.
  private static BigDecimal normalise(BigDecimal value) {
    if (value == null) {
      return null;
    }
    return value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
  }

  private static boolean isNegative(BigDecimal value) {
    return value != null && value.signum() < 0;
  }

  private static boolean isZeroOrNull(BigDecimal value) {
    return value == null || value.signum() == 0;
  }
}
