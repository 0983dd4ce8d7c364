package com.gatewayz.modelpages.edge;

import com.gatewayz.modelpages.isr.EdgeKeys;
import com.gatewayz.modelpages.platform.JsonSupport;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A Cloudflare zone: {@code POST /zones/<zone>/purge_cache} with {@code {"tags":[...]}} and a
 * bearer token. Names become cache tags by {@link EdgeKeys#cacheTagName}, the rule the pages'
 * {@code Cache-Tag} follows; 30 tags per request, the limit of every plan (newer plans take 100).
 */
final class CloudflareEdge implements Edge {

  static final int MAX_TAGS = 30;
  static final int MAX_BODY_CHARS = 64_000;

  private final String zoneId;
  private final String token;
  private final URI apiUrl;
  private final EdgeHttp http;

  CloudflareEdge(String zoneId, String token, URI apiUrl, EdgeHttp http) {
    this.zoneId = zoneId;
    this.token = token;
    this.apiUrl = apiUrl;
    this.http = http;
  }

  @Override
  public String name() {
    return "cloudflare";
  }

  @Override
  public String kind() {
    return "cloudflare";
  }

  @Override
  public String journalId() {
    return "cloudflare " + zoneId;
  }

  @Override
  public String target() {
    return apiUrl + " zone " + zoneId;
  }

  @Override
  public void purge(List<String> names) throws EdgeException {
    URI uri =
        URI.create(
            apiUrl
                + "/zones/"
                + URLEncoder.encode(zoneId, StandardCharsets.UTF_8)
                + "/purge_cache");
    List<String> tags = names.stream().map(EdgeKeys::cacheTagName).distinct().toList();
    for (List<String> batch : NameBatches.split(tags, MAX_TAGS, MAX_BODY_CHARS)) {
      String answer =
          http.send(
              HttpRequest.newBuilder(uri)
                  .POST(HttpRequest.BodyPublishers.ofString(body(batch), StandardCharsets.UTF_8))
                  .header("Authorization", "Bearer " + token)
                  .header("Content-Type", "application/json")
                  .header("Accept", "application/json"));
      checkSucceeded(answer);
    }
  }

  static String body(List<String> tags) {
    JsonArrayBuilder array = JsonSupport.JSON.createArrayBuilder();
    tags.forEach(array::add);
    return JsonSupport.JSON.createObjectBuilder().add("tags", array).build().toString();
  }

  // Cloudflare answers {"success":false,"errors":[{"message":...}]} when it did not purge.
  private static void checkSucceeded(String answer) throws EdgeException {
    JsonObject json;
    try {
      json = JsonSupport.JSON.createReader(new StringReader(answer)).readObject();
    } catch (JsonException | IllegalStateException e) {
      throw new EdgeException("not a Cloudflare API answer: " + EdgeHttp.shown(answer));
    }
    if (json.get("success") != JsonValue.TRUE) {
      throw new EdgeException(
          "Cloudflare did not purge: " + EdgeHttp.shown(String.valueOf(json.get("errors"))));
    }
  }
}
