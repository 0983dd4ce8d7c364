package com.gatewayz.modelpages.isr;

import java.util.Set;

/**
 * What a render produced.
 *
 * @param body the identity body; the cache compresses it once
 * @param tags the cache tags the page carries (every piece of data it shows)
 * @param maxAgeSeconds 0 to revalidate after the site's revalidate period (stale-while-revalidate);
 *     above 0 the entry simply expires after that many seconds (short-lived 404s)
 * @param location the {@code Location} header of a redirect, or null
 */
public record RenderedPage(
    int status,
    String contentType,
    byte[] body,
    Set<String> tags,
    int maxAgeSeconds,
    String location) {

  public RenderedPage {
    tags = Set.copyOf(tags);
  }

  public static RenderedPage html(int status, byte[] body, Set<String> tags) {
    return new RenderedPage(status, "text/html;charset=UTF-8", body, tags, 0, null);
  }

  public RenderedPage withMaxAge(int seconds) {
    return new RenderedPage(status, contentType, body, tags, seconds, location);
  }
}
