package com.gatewayz.modelpages.gateway.format;

import com.gatewayz.modelpages.catalog.Pricing;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;

/**
 * Exact price parsing: a price is a JSON string or number read as a {@link BigDecimal}, never
 * through {@code double}. A price that does not parse, or is absurd, is an unknown part.
 */
final class Prices {

  private static final int MAX_TEXT_LENGTH = 64;
  private static final int MAX_SCALE = 30;
  // No model costs a billion dollars per token; anything larger is garbage (or an exponent attack).
  private static final int MAX_INTEGER_DIGITS = 9;

  private Prices() {}

  /**
   * Prompt and completion prices given per token under {@code promptKey} and {@code completionKey}.
   */
  static Pricing perToken(JsonObject prices, String promptKey, String completionKey) {
    if (prices == null) {
      return Pricing.UNKNOWN;
    }
    return new Pricing(decimal(prices.get(promptKey)), decimal(prices.get(completionKey)));
  }

  /** Prompt and completion prices given per million tokens, converted exactly to per token. */
  static Pricing perMillion(JsonObject prices, String promptKey, String completionKey) {
    Pricing perMillion = perToken(prices, promptKey, completionKey);
    return new Pricing(fromMillion(perMillion.prompt()), fromMillion(perMillion.completion()));
  }

  private static BigDecimal fromMillion(BigDecimal perMillion) {
    return perMillion == null ? null : perMillion.movePointLeft(6);
  }

  /** The value as an exact decimal, or null when it is not a plausible price. */
  static BigDecimal decimal(JsonValue value) {
    BigDecimal parsed = parse(value);
    if (parsed == null) {
      return null;
    }
    BigDecimal stripped = parsed.stripTrailingZeros();
    boolean plausible =
        stripped.scale() <= MAX_SCALE
            && stripped.precision() - stripped.scale() <= MAX_INTEGER_DIGITS;
    return plausible ? stripped : null;
  }

  private static BigDecimal parse(JsonValue value) {
    try {
      if (value instanceof JsonNumber number) {
        return number.bigDecimalValue();
      }
      if (value instanceof JsonString string && string.getString().length() <= MAX_TEXT_LENGTH) {
        String text = string.getString().strip();
        return text.isEmpty() ? null : new BigDecimal(text);
      }
    } catch (NumberFormatException | ArithmeticException e) {
      return null;
    }
    return null;
  }
}
