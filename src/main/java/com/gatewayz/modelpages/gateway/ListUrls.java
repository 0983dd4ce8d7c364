package com.gatewayz.modelpages.gateway;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The rule for list URLs: absolute {@code https:}, {@code http:} with a host, or {@code file:} with
 * a path.
 */
final class ListUrls {

  private ListUrls() {}

  /** The URL, or empty when {@code text} is not a usable list URL. */
  static Optional<URI> parse(String text) {
    try {
      URI uri = new URI(text);
      return isUsable(uri) ? Optional.of(uri) : Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  static boolean isUsable(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    return switch (scheme) {
      case "http", "https" -> uri.getHost() != null;
      case "file" -> !uri.isOpaque() && uri.getPath() != null && uri.getPath().startsWith("/");
      default -> false;
    };
  }

  static boolean isFile(URI uri) {
    return "file".equalsIgnoreCase(uri.getScheme());
  }
}
