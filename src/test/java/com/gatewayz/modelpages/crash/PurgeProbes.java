package com.gatewayz.modelpages.crash;

import static org.awaitility.Awaitility.await;

import com.gatewayz.modelpages.testing.Deployments;
import com.gatewayz.modelpages.testing.Http;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Pages purged before the stop: each is rendered until it is a HIT, then purged (by the admin
 * endpoint, or by a webhook that changes its price) with a 200, and never requested again before
 * the stop. After the restart it must not be a HIT (nothing rendered it after the purge), and a
 * page purged by a price change shows the new price.
 */
final class PurgeProbes {

  /** A purged page: its path, how it was purged, and the text a fresh render shows (or null). */
  record Probe(String path, String purgedBy, String freshText) {}

  private final Random random;
  private final WebhookSender sender;

  PurgeProbes(Random random, WebhookSender sender) {
    this.random = random;
    this.sender = sender;
  }

  /** Arms one probe by admin purge and one by webhook, on models the application serves. */
  List<Probe> arm(Http http, List<String> served) {
    List<String> candidates = new ArrayList<>(served);
    List<Probe> probes = new ArrayList<>();
    if (!candidates.isEmpty()) {
      probes.add(byAdmin(http, candidates.remove(random.nextInt(candidates.size()))));
    }
    if (!candidates.isEmpty()) {
      probes.add(byWebhook(http, candidates.remove(random.nextInt(candidates.size()))));
    }
    return probes;
  }

  private static Probe byAdmin(Http http, String id) {
    String path = renderUntilHit(http, id);
    String request = "{\"type\":\"model-detail\",\"modelId\":\"" + id + "\"}";
    HttpResponse<String> purge =
        http.post("/api/cache/invalidate", request, "Authorization", Deployments.ADMIN_AUTH);
    require(purge.statusCode() == 200, "admin purge of " + id + " answered " + purge.statusCode());
    return new Probe(path, "admin purge", null);
  }

  private Probe byWebhook(Http http, String id) {
    String path = renderUntilHit(http, id);
    BigDecimal price = Workload.randomPrice(random);
    boolean applied =
        sender.send(
            http, "models.updated", Workload.gatewayOf(id), Map.of(id, ModelState.served(price)));
    require(applied, "the price change of " + id + " was not applied");
    return new Probe(path, "webhook price change", perMillion(price));
  }

  private static String renderUntilHit(Http http, String id) {
    String path = "/models/" + id;
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> "HIT".equals(Http.header(http.get(path), "X-Cache")));
    return path;
  }

  /** Checks the probes after the restart, before any other page is requested. */
  static void check(Http http, List<Probe> probes, Findings findings) {
    for (Probe probe : probes) {
      HttpResponse<String> page = http.get(probe.path());
      if ("HIT".equals(Http.header(page, "X-Cache"))) {
        findings.add(
            probe.path()
                + " purged ("
                + probe.purgedBy()
                + ") before the stop is a HIT after the restart");
      }
      if (probe.freshText() != null && !page.body().contains(probe.freshText())) {
        findings.add(probe.path() + " does not show its acknowledged price " + probe.freshText());
      }
    }
  }

  /** How a page shows a price per token: {@code $12.30 / 1M} (prices here are $1 to $999.90). */
  static String perMillion(BigDecimal perToken) {
    return "$"
        + perToken.movePointRight(6).setScale(2, RoundingMode.HALF_UP).toPlainString()
        + " / 1M";
  }

  private static void require(boolean condition, String problem) {
    if (!condition) {
      throw new IllegalStateException("arming a purge probe: " + problem);
    }
  }
}
