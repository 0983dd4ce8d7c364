package com.gatewayz.modelpages.webhook;

import com.gatewayz.modelpages.isr.Invalidation;
import java.util.Collection;

/**
 * Purges cached pages by tag and path; {@code isr::purge} in production. Must return only after the
 * purge is visible to every later request, and be thread-safe.
 */
@FunctionalInterface
public interface Purger {

  /** Purges {@code tags} and {@code paths} and returns what it stamped. */
  Invalidation purge(Collection<String> tags, Collection<String> paths);
}
