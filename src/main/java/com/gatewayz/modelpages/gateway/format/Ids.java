package com.gatewayz.modelpages.gateway.format;

import com.gatewayz.modelpages.catalog.Slugs;

/**
 * Id helpers shared by the formats: owner slugs, prefixes and safe quoting in messages. A listing's
 * developer is left to {@link com.gatewayz.modelpages.catalog.Listing}, which derives it from the
 * id.
 */
final class Ids {

  private static final int MAX_QUOTE = 80;
  private static final int MAX_OWNER = 128;

  private Ids() {}

  static String lastSegment(String id) {
    return id.substring(id.lastIndexOf('/') + 1);
  }

  /** {@code id} when it already has a developer segment, else {@code prefix/id}. */
  static String withPrefix(String id, String prefix) {
    return id.indexOf('/') >= 0 ? id : prefix + "/" + id;
  }

  /**
   * The developer slug of an owner name ("Alibaba Cloud" → {@code alibaba-cloud}); the gateway's
   * slug when the owner is missing or has no letter or digit.
   */
  static String ownerSlug(String owner, String gatewayId) {
    String slug = owner == null ? "" : Slugs.developer(Fields.truncate(owner, MAX_OWNER));
    if (!slug.isEmpty()) {
      return slug;
    }
    String gatewaySlug = Slugs.developer(gatewayId);
    return gatewaySlug.isEmpty() ? "unknown" : gatewaySlug;
  }

  /** An untrusted string made safe to quote in a log line: short and without control characters. */
  static String quote(String value) {
    String cut = Fields.truncate(value, MAX_QUOTE);
    StringBuilder out = new StringBuilder(cut.length() + 3);
    for (int i = 0; i < cut.length(); i++) {
      char c = cut.charAt(i);
      out.append(Character.isISOControl(c) ? '?' : c);
    }
    return "'" + out + (cut.length() < value.length() ? "…'" : "'");
  }
}
