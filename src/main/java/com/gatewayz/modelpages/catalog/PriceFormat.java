package com.gatewayz.modelpages.catalog;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Prices as pages show them: USD per million tokens. {@code $0.70 / 1M} with 2 decimals from $0.01
 * up, up to 4 significant digits below; {@code Free} for zero; {@code Variable} for a negative
 * price; an em dash when unknown. Never exponent notation.
 */
public final class PriceFormat {

  public static final String FREE = "Free";
  public static final String VARIABLE = "Variable";
  public static final String UNKNOWN = "\u2014";

  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
  private static final BigDecimal CENT = new BigDecimal("0.01");
  private static final MathContext FOUR_DIGITS = new MathContext(4, RoundingMode.HALF_UP);
  // A DecimalFormat is not thread-safe, and building one (its pattern, its symbols) cost more than
  // formatting, several times per page: one per thread.
  private static final ThreadLocal<DecimalFormat> TWO_DECIMALS =
      ThreadLocal.withInitial(PriceFormat::twoDecimals);

  private PriceFormat() {}

  /** One price per token, shown per million tokens. */
  public static String perMillion(BigDecimal perToken) {
    if (perToken == null) {
      return UNKNOWN;
    }
    if (perToken.signum() < 0) {
      return VARIABLE;
    }
    if (perToken.signum() == 0) {
      return FREE;
    }
    return "$" + amount(perToken.multiply(MILLION)) + " / 1M";
  }

  /** The number alone, USD per million tokens, as the format above without symbol and unit. */
  static String amount(BigDecimal perMillion) {
    if (perMillion.compareTo(CENT) >= 0) {
      return TWO_DECIMALS.get().format(perMillion);
    }
    return perMillion.round(FOUR_DIGITS).stripTrailingZeros().toPlainString();
  }

  private static DecimalFormat twoDecimals() {
    DecimalFormat format =
        new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
    format.setRoundingMode(RoundingMode.HALF_UP);
    return format;
  }
}
