package com.gatewayz.modelpages.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns the name part of a model id into a comparison key: lower case, one separator, dates as
 * {@code yyyymmdd}, letters and digits split ({@code llama3.3-70B} and {@code llama-3.3-70b} are
 * both {@code llama-3-3-70-b}), quantization markers dropped and reported. Nothing else is dropped:
 * sizes, {@code instruct}, {@code vision}, fine-tune names and dates all stay in the key.
 */
final class IdNormaliser {

  /** The key of a name, and the quantization its markers named ({@code fp8}), or null. */
  record Normalised(String key, String quantization) {}

  private static final Pattern DATE = Pattern.compile("(20\\d\\d)[-_.]([01]\\d)[-_.]([0-3]\\d)");
  private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9]+");
  // "fp8-fast", "FP8-Dynamic": words that only describe the quantized serving when they follow one.
  private static final List<String> QUANTIZATION_TRAILERS = List.of("fast", "dynamic");

  private IdNormaliser() {}

  static Normalised normalise(String name, String seller, AliasTable table) {
    String lower = AliasTable.lower(name);
    for (AliasTable.Rewrite rewrite : table.seller(seller).rewrites()) {
      lower = rewrite.pattern().matcher(lower).replaceAll(rewrite.replacement());
    }
    if (lower.contains("20")) {
      lower = DATE.matcher(lower).replaceAll("$1$2$3");
    }
    List<String> parts = new ArrayList<>();
    String quantization = keptParts(lower, table, parts);
    String suffixQuantization = dropSellerSuffix(parts, table.seller(seller));
    if (quantization == null && suffixQuantization != null && !suffixQuantization.isEmpty()) {
      quantization = suffixQuantization;
    }
    return new Normalised(tokens(parts), quantization);
  }

  // The separator-delimited parts without quantization markers; returns the first marker or null.
  private static String keptParts(String lower, AliasTable table, List<String> parts) {
    String quantization = null;
    boolean afterMarker = false;
    for (String part : SEPARATORS.split(lower)) {
      if (part.isEmpty()) {
        continue;
      }
      if (!parts.isEmpty() && table.isQuantization(part)) {
        quantization = quantization == null ? part : quantization;
        afterMarker = true;
      } else if (!(afterMarker && QUANTIZATION_TRAILERS.contains(part))) {
        afterMarker = false;
        parts.add(part);
      }
    }
    return quantization;
  }

  private static String dropSellerSuffix(List<String> parts, AliasTable.SellerRules rules) {
    if (parts.size() < 2) {
      return null;
    }
    String quantization = rules.suffixes().get(parts.get(parts.size() - 1));
    if (quantization != null) {
      parts.remove(parts.size() - 1);
    }
    return quantization;
  }

  // "llama3", "70b" → "llama-3", "70-b": a letter-digit boundary is a separator.
  private static String tokens(List<String> parts) {
    StringBuilder out = new StringBuilder();
    for (String part : parts) {
      for (int i = 0; i < part.length(); i++) {
        char c = part.charAt(i);
        boolean boundary = i > 0 && Character.isDigit(c) != Character.isDigit(part.charAt(i - 1));
        if (out.length() > 0 && (i == 0 || boundary)) {
          out.append('-');
        }
        out.append(c);
      }
    }
    return out.toString();
  }
}
