package com.gatewayz.modelpages.catalog;

import java.util.Locale;

/**
 * Slug aliases: the last id segment, lower-cased, with every run of characters outside {@code
 * a-z0-9} replaced by one {@code -} and dashes trimmed at both ends ({@code claude-opus-4-5} for
 * {@code anthropic/claude-opus-4.5}).
 */
public final class Slugs {

  private Slugs() {}

  /** The alias of a model id; empty when the last segment has no letter or digit. */
  public static String alias(String id) {
    String last = id.substring(id.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(last.length());
    boolean pendingDash = false;
    for (int i = 0; i < last.length(); i++) {
      char c = last.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        if (pendingDash && out.length() > 0) {
          out.append('-');
        }
        pendingDash = false;
        out.append(c);
      } else {
        pendingDash = true;
      }
    }
    return out.toString();
  }

  /**
   * The developer slug an id implies: its first segment without a leading {@code ~}; "" without
   * one.
   */
  public static String developerOf(String id) {
    int slash = id.indexOf('/');
    if (slash < 0) {
      return "";
    }
    String first = id.substring(0, slash);
    return developer(first.startsWith("~") ? first.substring(1) : first);
  }

  /**
   * Turns a display name or owner ("Meta", "Mistral AI") into a developer slug ("meta",
   * "mistral-ai").
   */
  public static String developer(String owner) {
    return alias(owner.replace('/', ' '));
  }
}
