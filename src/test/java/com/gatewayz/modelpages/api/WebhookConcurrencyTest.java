package com.gatewayz.modelpages.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.testing.SiteExtension;
import com.gatewayz.modelpages.testing.Webhooks;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Webhooks and page requests in parallel over real HTTP: once a webhook was answered 200, no page
 * request that starts afterwards shows the data it replaced.
 */
class WebhookConcurrencyTest {

  private static final Pattern PRICE = Pattern.compile("\\$(\\d+)\\.00 / 1M");
  private static final String ID = "xai/grok-racing";

  @RegisterExtension
  static final SiteExtension site = SiteExtension.with("MODEL_WEBHOOK_SECRET", Webhooks.SECRET);

  private static int sendPrice(int dollarsPerMillion) {
    String body =
        Webhooks.modelEvent(
            dollarsPerMillion == 1 ? "models.added" : "models.updated",
            "xai",
            ID,
            "0.00000" + dollarsPerMillion,
            Webhooks.T0 + dollarsPerMillion);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(site.uri("/api/webhooks/models-updated"))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json")
            .header("x-webhook-signature", Webhooks.signature(body));
    return site.send(request).statusCode();
  }

  private static int shownPrice() {
    HttpResponse<byte[]> page = site.get("/models/" + ID);
    Matcher matcher = PRICE.matcher(new String(page.body(), StandardCharsets.UTF_8));
    assertThat(matcher.find()).isTrue();
    return Integer.parseInt(matcher.group(1));
  }

  @Test
  void noRequestStartedAfterAWebhooksAnswerSeesTheOldContent() throws Exception {
    assertThat(sendPrice(1)).isEqualTo(200);
    AtomicInteger acknowledged = new AtomicInteger(1);
    AtomicBoolean writing = new AtomicBoolean(true);
    List<String> violations = new CopyOnWriteArrayList<>();
    ExecutorService threads = Executors.newFixedThreadPool(5);
    try {
      Future<?> writer =
          threads.submit(
              () -> {
                for (int price = 2; price <= 9; price++) {
                  assertThat(sendPrice(price)).isEqualTo(200);
                  acknowledged.set(price);
                }
                writing.set(false);
              });
      List<Future<Integer>> readers = new java.util.ArrayList<>();
      for (int i = 0; i < 4; i++) {
        readers.add(
            threads.submit(
                () -> {
                  int reads = 0;
                  while (writing.get()) {
                    int mustSee = acknowledged.get();
                    int seen = shownPrice();
                    if (seen < mustSee) {
                      violations.add("saw $" + seen + " after $" + mustSee + " was acknowledged");
                    }
                    reads++;
                  }
                  return reads;
                }));
      }
      writer.get();
      int reads = 0;
      for (Future<Integer> reader : readers) {
        reads += reader.get();
      }
      assertThat(violations).isEmpty();
      assertThat(reads).isPositive();
      assertThat(shownPrice()).isEqualTo(9);
    } finally {
      threads.shutdownNow();
    }
  }
}
