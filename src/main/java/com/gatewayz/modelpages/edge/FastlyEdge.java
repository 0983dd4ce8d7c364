package com.gatewayz.modelpages.edge;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A Fastly service: {@code POST /service/<id>/purge} with the names as {@code Surrogate-Key} (up to
 * 256 per request, Fastly's batch limit) and the API token as {@code Fastly-Key}. A hard purge:
 * Fastly would otherwise serve the soft-purged page once more under the pages'
 * stale-while-revalidate.
 */
final class FastlyEdge implements Edge {

  static final int MAX_NAMES = 256;
  static final int MAX_HEADER_CHARS = 16_000;

  private final String serviceId;
  private final String token;
  private final URI apiUrl;
  private final EdgeHttp http;

  FastlyEdge(String serviceId, String token, URI apiUrl, EdgeHttp http) {
    this.serviceId = serviceId;
    this.token = token;
    this.apiUrl = apiUrl;
    this.http = http;
  }

  @Override
  public String name() {
    return "fastly";
  }

  @Override
  public String kind() {
    return "fastly";
  }

  @Override
  public String journalId() {
    return "fastly " + serviceId;
  }

  @Override
  public String target() {
    return apiUrl + " service " + serviceId;
  }

  @Override
  public void purge(List<String> names) throws EdgeException {
    URI uri =
        URI.create(
            apiUrl + "/service/" + URLEncoder.encode(serviceId, StandardCharsets.UTF_8) + "/purge");
    for (List<String> batch :
        NameBatches.split(NameBatches.headerSafe(names), MAX_NAMES, MAX_HEADER_CHARS)) {
      http.send(
          HttpRequest.newBuilder(uri)
              .POST(HttpRequest.BodyPublishers.noBody())
              .header("Fastly-Key", token)
              .header("Surrogate-Key", String.join(" ", batch))
              .header("Accept", "application/json"));
    }
  }
}
