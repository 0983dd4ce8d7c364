package com.gatewayz.modelpages.platform;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Typed reads of raw setting text, each failing with the setting's name and value. */
final class SettingReader {

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

  private final SettingSource source;

  SettingReader(SettingSource source) {
    this.source = source;
  }

  int intInRange(String name, int min, int max, int fallback) {
    return (int) longInRange(name, min, max, fallback);
  }

  long longInRange(String name, long min, long max, long fallback) {
    Optional<String> raw = source.get(name);
    if (raw.isEmpty()) {
      return fallback;
    }
    try {
      long value = Long.parseLong(raw.get());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // falls through to the error below
    }
    throw new InvalidSettingException(name, raw.get(), "a whole number from " + min + " to " + max);
  }

  boolean bool(String name, boolean fallback) {
    Optional<String> raw = source.get(name);
    if (raw.isEmpty()) {
      return fallback;
    }
    switch (raw.get().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on", "1":
        return true;
      case "false", "no", "off", "0":
        return false;
      default:
        throw new InvalidSettingException(name, raw.get(), "true or false");
    }
  }

  Optional<Path> path(String name) {
    Optional<String> raw = source.get(name);
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Path.of(raw.get()).toAbsolutePath().normalize());
    } catch (InvalidPathException e) {
      throw new InvalidSettingException(name, raw.get(), "a file system path");
    }
  }

  Optional<URI> httpUrl(String name) {
    return source.get(name).map(raw -> absoluteHttp(name, raw));
  }

  Optional<URI> clusterUri(String name) {
    return source.get(name).map(raw -> parseClusterUri(name, raw));
  }

  Optional<String> secret(String name, int minLength) {
    Optional<String> raw = source.get(name);
    if (raw.isPresent() && raw.get().length() < minLength) {
      throw InvalidSettingException.secret(name, "at least " + minLength + " characters");
    }
    return raw;
  }

  Optional<List<String>> idList(String name) {
    Optional<String> raw = source.get(name);
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    List<String> ids = new ArrayList<>();
    for (String part : raw.get().split(",")) {
      String id = part.trim().toLowerCase(Locale.ROOT);
      if (!id.isEmpty() && !ID.matcher(id).matches()) {
        throw new InvalidSettingException(name, raw.get(), "comma-separated gateway ids");
      }
      if (!id.isEmpty() && !ids.contains(id)) {
        ids.add(id);
      }
    }
    return Optional.of(List.copyOf(ids));
  }

  /** A gateway list URL: absolute {@code https:}, {@code http:} or {@code file:}. */
  static URI listUrl(String name, String raw) {
    URI uri = parse(name, raw, "an absolute https:, http: or file: URL");
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("file") || isHttp(uri)) {
      return uri;
    }
    throw new InvalidSettingException(name, raw, "an absolute https:, http: or file: URL");
  }

  static URI absoluteHttp(String name, String raw) {
    URI uri = parse(name, raw, "an absolute http(s) URL such as https://models.example.com");
    if (!isHttp(uri) || uri.getQuery() != null || uri.getFragment() != null) {
      throw new InvalidSettingException(
          name, raw, "an absolute http(s) URL such as https://models.example.com");
    }
    return uri;
  }

  private static URI parseClusterUri(String name, String raw) {
    URI uri = parse(name, raw, "terracotta://host:port/name");
    if (!"terracotta".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
      throw new InvalidSettingException(name, raw, "terracotta://host:port/name");
    }
    return uri;
  }

  private static boolean isHttp(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
  }

  private static URI parse(String name, String raw, String expected) {
    try {
      return new URI(raw);
    } catch (URISyntaxException e) {
      throw new InvalidSettingException(name, raw, expected);
    }
  }
}
