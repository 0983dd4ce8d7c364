package com.gatewayz.modelpages.catalog;

import com.gatewayz.modelpages.platform.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The maintained knowledge the identity resolver applies to ids (the file {@code
 * server-config/model-aliases.json}, bundled in the WAR, replaced by {@code
 * MODEL_PAGES_MODEL_ALIASES_FILE}): one developer namespace per organisation, host prefixes,
 * quantization markers, OpenRouter-style variants, and per-seller suffixes, rewrites and names.
 * Immutable and thread-safe; every lookup takes lower-case input.
 */
public final class AliasTable {

  /** Where the WAR carries the bundled table. */
  public static final String BUNDLED_RESOURCE =
      "/com/gatewayz/modelpages/catalog/model-aliases.json";

  /** A regular expression a seller's names are rewritten with before they are compared. */
  record Rewrite(Pattern pattern, String replacement) {}

  /**
   * What is particular to one seller (gateway or models.dev provider).
   *
   * @param suffixes a last name part to drop → the quantization it means ("" for none)
   * @param names a name as the seller spells it → the catalog id of the model it serves
   */
  record SellerRules(
      Map<String, String> suffixes, List<Rewrite> rewrites, Map<String, String> names) {
    static final SellerRules NONE = new SellerRules(Map.of(), List.of(), Map.of());
  }

  /** The parts of the table, as {@link AliasTableFile} reads them. */
  record Parts(
      Map<String, String> developers,
      Map<String, String> firstParty,
      List<String> hostPrefixes,
      Set<String> quantizations,
      Set<String> quantizers,
      Set<String> variants,
      Map<String, SellerRules> sellers,
      Map<String, String> names) {}

  private final Parts parts;
  private final List<HostPrefix> hosts;

  AliasTable(Parts parts) {
    this.parts = parts;
    this.hosts = parts.hostPrefixes().stream().map(HostPrefix::of).toList();
  }

  /**
   * A host prefix as a pattern, and its text before the first star: an id that does not start with
   * that text is not matched at all (every listing is identified at each start; a matcher each
   * would be a tenth of what the start allocates).
   */
  private record HostPrefix(String literal, Pattern pattern) {

    // "accounts/*/models/": a star stands for one id segment; case does not matter.
    static HostPrefix of(String prefix) {
      String[] pieces = prefix.split("\\*", -1);
      StringBuilder regex = new StringBuilder("^");
      for (int i = 0; i < pieces.length; i++) {
        regex.append(i > 0 ? "[^/]+" : "").append(Pattern.quote(pieces[i]));
      }
      return new HostPrefix(pieces[0], Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE));
    }

    /** The length of the prefix {@code id} starts with, or -1. */
    int matchedLength(String id) {
      if (!id.regionMatches(true, 0, literal, 0, literal.length())) {
        return -1;
      }
      var matcher = pattern.matcher(id);
      return matcher.find() ? matcher.end() : -1;
    }
  }

  /** The bundled table. */
  public static AliasTable bundled() {
    try (InputStream in = AliasTable.class.getResourceAsStream(BUNDLED_RESOURCE)) {
      if (in == null) {
        throw new AliasTableException(
            "the bundled alias table " + BUNDLED_RESOURCE + " is missing");
      }
      return read(in, "bundled model-aliases.json");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The table in {@code file} when given, else the bundled one. */
  public static AliasTable load(Optional<Path> file) {
    if (file.isEmpty()) {
      return bundled();
    }
    String source = Settings.MODEL_ALIASES_FILE + "='" + file.get() + "'";
    try (InputStream in = Files.newInputStream(file.get())) {
      return read(in, source);
    } catch (IOException e) {
      throw new AliasTableException(source + " cannot be read: " + e, e);
    }
  }

  /** Reads a table; {@code source} names it in errors. */
  public static AliasTable read(InputStream in, String source) {
    return new AliasTable(AliasTableFile.read(in, source));
  }

  /** The organisation's one developer slug for {@code slug} (itself when the table has none). */
  String developer(String slug) {
    return parts.developers().getOrDefault(slug, slug);
  }

  /** True when the table names {@code slug} as a developer or one of its aliases. */
  boolean isKnownDeveloper(String slug) {
    return parts.developers().containsKey(slug);
  }

  /**
   * The developer a seller's bare names belong to (models.dev's "mistral" → mistralai), or null.
   */
  String firstPartyDeveloper(String seller) {
    return parts.firstParty().get(seller);
  }

  /** {@code rawId} without a leading host prefix ({@code hf:}, {@code accounts/x/models/}). */
  String stripHost(String rawId) {
    for (HostPrefix host : hosts) {
      int end = host.matchedLength(rawId);
      if (end >= 0) {
        return rawId.substring(end);
      }
    }
    return rawId;
  }

  boolean isQuantization(String part) {
    return parts.quantizations().contains(part);
  }

  /** True when {@code developer}'s uploads of a quantized model are someone else's weights. */
  boolean isQuantizer(String developer) {
    return parts.quantizers().contains(developer);
  }

  boolean isVariant(String suffix) {
    return parts.variants().contains(suffix);
  }

  SellerRules seller(String seller) {
    return parts.sellers().getOrDefault(seller, SellerRules.NONE);
  }

  /** The catalog id the table maps a seller's name to (its own names first), or null. */
  String mappedName(String seller, String lowerCaseName) {
    String mapped = seller(seller).names().get(lowerCaseName);
    return mapped != null ? mapped : parts.names().get(lowerCaseName);
  }

  static String lower(String value) {
    return value.toLowerCase(Locale.ROOT);
  }
}
