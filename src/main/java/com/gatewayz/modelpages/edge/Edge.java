package com.gatewayz.modelpages.edge;

import java.util.List;

/**
 * One cache in front of the application that purges by name ({@link
 * com.gatewayz.modelpages.isr.EdgeKeys}). Implementations are thread-safe and split large purges
 * into requests the edge accepts; a purge is idempotent, so a failed one is simply sent again.
 */
interface Edge {

  /**
   * The public name, also the metrics label: {@code varnish-1}, {@code fastly}, {@code cloudflare}.
   */
  String name();

  /** What kind of edge: {@code varnish}, {@code fastly} or {@code cloudflare}. */
  String kind();

  /** The edge's identity in the outbox; stable while its setting is unchanged. */
  String journalId();

  /** Where purges go, for the admin page; never a secret. */
  String target();

  /** Purges every name; returns once the edge accepted all of them. */
  void purge(List<String> names) throws EdgeException;
}
