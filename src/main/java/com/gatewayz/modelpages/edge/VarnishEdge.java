package com.gatewayz.modelpages.edge;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;

/**
 * A Varnish instance running server-config/varnish/default.vcl: {@code PURGE /} with the names in
 * an {@code xkey} header, which the VCL soft-purges (purged pages are fetched again, and stay in
 * grace for when the origin is down).
 */
final class VarnishEdge implements Edge {

  static final int MAX_NAMES = 100;
  // Varnish refuses request headers over 8 KB (http_req_hdr_len) by default.
  static final int MAX_HEADER_CHARS = 6_000;

  private final String name;
  private final URI baseUrl;
  private final EdgeHttp http;

  VarnishEdge(String name, URI baseUrl, EdgeHttp http) {
    this.name = name;
    this.baseUrl = baseUrl;
    this.http = http;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String kind() {
    return "varnish";
  }

  @Override
  public String journalId() {
    return "varnish " + baseUrl;
  }

  @Override
  public String target() {
    return baseUrl.toString();
  }

  @Override
  public void purge(List<String> names) throws EdgeException {
    URI uri = URI.create(baseUrl + "/");
    for (List<String> batch :
        NameBatches.split(NameBatches.headerSafe(names), MAX_NAMES, MAX_HEADER_CHARS)) {
      http.send(
          HttpRequest.newBuilder(uri)
              .method("PURGE", HttpRequest.BodyPublishers.noBody())
              .header("xkey", String.join(" ", batch)));
    }
  }
}
