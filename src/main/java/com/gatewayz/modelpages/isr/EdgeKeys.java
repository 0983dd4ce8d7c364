package com.gatewayz.modelpages.isr;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The names a cache in front of the application (Varnish, Fastly, Cloudflare) knows a page by: its
 * tags, {@code path:<path>} and {@value #ALL}, which every page carries. A purge by tag, by path or
 * of everything is forwarded to the edge as a purge of these names. Stateless, thread-safe.
 *
 * <p>Cloudflare's {@code Cache-Tag} lists the same names, comma-separated, each through {@link
 * #cacheTagName}: a name that is long, or holds a comma or a character outside visible ASCII, is
 * replaced by a hash of it, on the page and in the purge alike. A page whose names still exceed
 * Cloudflare's header limits gets no {@code Cache-Tag} and tells Cloudflare not to store it (rather
 * than stored under names no purge could reach).
 */
public final class EdgeKeys {

  /** The name every page carries: purged when everything is. */
  public static final String ALL = "site:all";

  static final String PATH_PREFIX = "path:";
  static final int MAX_PLAIN_CACHE_TAG = 64;
  // Cloudflare: the Cache-Tag value may not exceed 16 KB, or 1,000 unique tags.
  static final int MAX_CACHE_TAG_HEADER = 16 * 1024;
  static final int MAX_CACHE_TAGS = 1_000;
  private static final String HASH_PREFIX = "h:";
  private static final int HASH_HEX_CHARS = 32;

  private EdgeKeys() {}

  /** The name of a page path, {@code /models/x} → {@code path:/models/x}. */
  public static String ofPath(String path) {
    return PATH_PREFIX + path;
  }

  /** A page's names: its tags, its path and {@link #ALL}. */
  static List<String> of(String[] tags, String path) {
    List<String> names = new ArrayList<>(tags.length + 2);
    names.addAll(List.of(tags));
    names.add(ofPath(path));
    names.add(ALL);
    return names;
  }

  /** The {@code Surrogate-Key} value (Fastly, Varnish xkey): the names, space-separated. */
  static String surrogateKey(List<String> names) {
    return String.join(" ", names);
  }

  /** The {@code Cache-Tag} value, or null when the names do not fit Cloudflare's limits. */
  static String cacheTag(List<String> names) {
    List<String> tags = names.stream().map(EdgeKeys::cacheTagName).distinct().toList();
    String header = String.join(",", tags);
    boolean fits = tags.size() <= MAX_CACHE_TAGS && header.length() <= MAX_CACHE_TAG_HEADER;
    return fits ? header : null;
  }

  /**
   * The Cloudflare cache tag of {@code name}: itself when short and plain, else {@code h:<hash>}.
   */
  public static String cacheTagName(String name) {
    return isPlain(name) ? name : HASH_PREFIX + sha256Hex(name).substring(0, HASH_HEX_CHARS);
  }

  private static boolean isPlain(String name) {
    if (name.isEmpty() || name.length() > MAX_PLAIN_CACHE_TAG || name.startsWith(HASH_PREFIX)) {
      return false;
    }
    return name.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != ',');
  }

  private static String sha256Hex(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
