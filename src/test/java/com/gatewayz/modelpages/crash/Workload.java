package com.gatewayz.modelpages.crash;

import com.gatewayz.modelpages.testing.Deployments;
import com.gatewayz.modelpages.testing.Http;
import jakarta.json.JsonObject;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One worker's stream of operations until the server stops answering: signed webhooks (added,
 * updated, removed; up to three models a batch) for gateways the registry knows but never fetches,
 * admin refreshes of the stub gateway, admin purges, and page reads. Each worker owns every {@code
 * workers}-th model of each gateway, so one model's events go out one after the other.
 */
final class Workload implements Runnable {

  static final List<String> GATEWAYS = List.of("xai", "groq", "together");
  static final int MODELS_PER_GATEWAY = 6;
  private static final int MAX_OPERATIONS = 5_000;

  private final Random random;
  private final Http http;
  private final WebhookSender sender;
  private final Ledger ledger;
  private final List<String> mine = new ArrayList<>();
  private final List<String> readable = new ArrayList<>();
  private final Round round;

  /** What the workers of one round share. */
  record Round(
      int stubVersion,
      AtomicInteger acknowledgedStubVersion,
      Set<String> probed,
      Findings findings,
      Tally tally) {}

  Workload(Random random, int worker, int workers, Http http, Ledger ledger, Round round) {
    this.random = random;
    this.http = http;
    this.ledger = ledger;
    this.round = round;
    this.sender = new WebhookSender(ledger, round.findings(), round.tally());
    for (String gateway : GATEWAYS) {
      for (int i = 0; i < MODELS_PER_GATEWAY; i++) {
        String id = modelId(gateway, i);
        if (round.probed().contains(id)) {
          continue;
        }
        readable.add("/models/" + id);
        if (i % workers == worker) {
          mine.add(id);
        }
      }
    }
    readable.addAll(List.of("/models", "/sitemap.xml", "/models/crashstub/core-0"));
  }

  static String modelId(String gateway, int index) {
    return "crashlab/" + gateway + "-" + index;
  }

  /** The gateway whose webhooks announce {@code id} (the sentinel's is xai). */
  static String gatewayOf(String id) {
    return id.equals(CrashScenario.SENTINEL)
        ? "xai"
        : id.substring("crashlab/".length(), id.lastIndexOf('-'));
  }

  @Override
  public void run() {
    try {
      for (int i = 0; i < MAX_OPERATIONS; i++) {
        round.tally().operations.incrementAndGet();
        int dice = random.nextInt(10);
        if (dice < 6) {
          webhook();
        } else if (dice < 7) {
          refresh();
        } else if (dice < 8) {
          purge();
        } else {
          http.get(pick(readable));
          round.tally().reads.incrementAndGet();
        }
      }
    } catch (UncheckedIOException e) {
      // the server is gone: the round's stop came
    }
  }

  private void webhook() {
    String gateway = pick(GATEWAYS);
    List<String> models =
        new ArrayList<>(
            mine.stream().filter(id -> id.startsWith("crashlab/" + gateway + "-")).toList());
    Collections.shuffle(models, random);
    models = models.subList(0, Math.min(models.size(), 1 + random.nextInt(3)));
    if (models.isEmpty()) {
      return;
    }
    boolean allServed = models.stream().allMatch(id -> ledger.latest(id).isServed());
    boolean remove = allServed && random.nextInt(4) == 0;
    Map<String, ModelState> changes = new LinkedHashMap<>();
    models.forEach(
        id ->
            changes.put(id, remove ? ModelState.RETIRED : ModelState.served(randomPrice(random))));
    String type =
        remove
            ? "models.removed"
            : allServed && random.nextBoolean() ? "models.updated" : "models.added";
    sender.send(http, type, gateway, changes);
  }

  private void refresh() {
    HttpResponse<String> response =
        http.post("/api/gateways/refresh", "", "Authorization", Deployments.ADMIN_AUTH);
    if (response.statusCode() == 200 && refreshedTheStub(response.body())) {
      round.acknowledgedStubVersion().accumulateAndGet(round.stubVersion(), Math::max);
      round.tally().refreshesAcknowledged.incrementAndGet();
    }
  }

  private static boolean refreshedTheStub(String body) {
    JsonObject summary = Http.json(body);
    return !summary.getBoolean("already_running")
        && summary.isNull("error")
        && summary.getJsonArray("gateways").getValuesAs(JsonObject.class).stream()
            .anyMatch(
                run ->
                    run.getString("id").equals("openrouter")
                        && run.getString("result").equals("ok"));
  }

  private void purge() {
    String request =
        switch (random.nextInt(5)) {
          case 0 -> "{\"type\":\"model-detail\",\"modelId\":\"" + pick(mine) + "\"}";
          case 1 -> "{\"type\":\"models\"}";
          case 2 -> "{\"type\":\"gateway\",\"gateway\":\"" + pick(GATEWAYS) + "\"}";
          case 3 -> "{\"type\":\"tag\",\"tag\":\"models:detail\"}";
          default -> "{\"type\":\"all\"}";
        };
    HttpResponse<String> response =
        http.post("/api/cache/invalidate", request, "Authorization", Deployments.ADMIN_AUTH);
    if (response.statusCode() != 200 && response.statusCode() < 500) {
      round
          .findings()
          .add(
              "admin purge "
                  + request
                  + " answered "
                  + response.statusCode()
                  + " "
                  + response.body());
    }
    round.tally().purges.incrementAndGet();
  }

  /** A price per token from $1.00 to $999.90 per 1M tokens. */
  static BigDecimal randomPrice(Random random) {
    return BigDecimal.valueOf(10 + random.nextInt(9_990), 7);
  }

  private <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }
}
