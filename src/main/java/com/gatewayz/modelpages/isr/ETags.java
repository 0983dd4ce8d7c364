package com.gatewayz.modelpages.isr;

/**
 * {@code If-None-Match} matching: {@code *}, or a list of strong or weak tags (weak comparison).
 */
final class ETags {

  private ETags() {}

  static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null || ifNoneMatch.isEmpty()) {
      return false;
    }
    if (ifNoneMatch.equals(etag)) {
      return true; // the usual revalidation: the client echoes the tag it was sent
    }
    if (ifNoneMatch.trim().equals("*")) {
      return true;
    }
    for (String candidate : ifNoneMatch.split(",")) {
      String tag = candidate.trim();
      if (tag.startsWith("W/")) {
        tag = tag.substring(2);
      }
      if (tag.equals(etag)) {
        return true;
      }
    }
    return false;
  }
}
