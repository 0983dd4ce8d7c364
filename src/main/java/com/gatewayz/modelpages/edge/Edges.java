package com.gatewayz.modelpages.edge;

import com.gatewayz.modelpages.platform.EdgeSettings;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** The edges the settings name, in a fixed order: the Varnish instances, Fastly, Cloudflare. */
final class Edges {

  private Edges() {}

  static List<Edge> of(EdgeSettings settings, EdgeHttp http) {
    List<Edge> edges = new ArrayList<>();
    List<URI> varnish = settings.varnishUrls();
    for (int i = 0; i < varnish.size(); i++) {
      edges.add(new VarnishEdge("varnish-" + (i + 1), varnish.get(i), http));
    }
    settings
        .fastly()
        .ifPresent(
            api -> edges.add(new FastlyEdge(api.accountId(), api.token(), api.apiUrl(), http)));
    settings
        .cloudflare()
        .ifPresent(
            api -> edges.add(new CloudflareEdge(api.accountId(), api.token(), api.apiUrl(), http)));
    return edges;
  }
}
