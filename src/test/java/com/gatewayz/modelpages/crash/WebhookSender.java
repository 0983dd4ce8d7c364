package com.gatewayz.modelpages.crash;

import com.gatewayz.modelpages.testing.Http;
import com.gatewayz.modelpages.testing.Webhooks;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/**
 * Sends signed model events (the legacy hex scheme) and books each answer in the {@link Ledger}: a
 * 200 that applied the event is acknowledged; no answer (the server died) or a 5xx leaves it in
 * doubt; a 200 saying {@code stale} or {@code duplicate} for an event newer than every earlier one,
 * or a 4xx for a valid event, is a finding.
 */
final class WebhookSender {

  static final String ENDPOINT = "/api/webhooks/models-updated";

  private final Ledger ledger;
  private final Findings findings;
  private final Tally tally;

  WebhookSender(Ledger ledger, Findings findings, Tally tally) {
    this.ledger = ledger;
    this.findings = findings;
    this.tally = tally;
  }

  /**
   * Sends one event of {@code gateway} asking for {@code changes} (id → state: served at a price
   * for added and updated events, retired for removed ones).
   *
   * @return true when acknowledged
   * @throws UncheckedIOException when no answer came: the events are then in doubt
   */
  boolean send(Http http, String eventType, String gateway, Map<String, ModelState> changes) {
    long timestamp = ledger.nextTimestamp();
    changes.forEach((id, state) -> ledger.sent(id, new Ledger.Event(timestamp, state)));
    String body = Webhooks.event(eventType, gateway, timestamp, models(changes));
    HttpResponse<String> response;
    try {
      response = http.post(ENDPOINT, body, "x-webhook-signature", Webhooks.signature(body));
    } catch (UncheckedIOException e) {
      book(changes, timestamp, false);
      throw e;
    }
    boolean applied = response.statusCode() == 200 && !isFlagged(response.body());
    if (!applied && response.statusCode() < 500) {
      findings.add(
          eventType
              + " for "
              + changes.keySet()
              + " at "
              + timestamp
              + " answered "
              + response.statusCode()
              + " "
              + response.body());
    }
    book(changes, timestamp, applied);
    return applied;
  }

  private static boolean isFlagged(String body) {
    return body.contains("\"stale\":true") || body.contains("\"duplicate\":true");
  }

  private void book(Map<String, ModelState> changes, long timestamp, boolean applied) {
    changes.forEach(
        (id, state) -> {
          Ledger.Event event = new Ledger.Event(timestamp, state);
          if (applied) {
            ledger.acknowledged(id, event);
          } else {
            ledger.inDoubt(id, event);
          }
        });
    (applied ? tally.webhooksAcknowledged : tally.webhooksInDoubt).addAndGet(changes.size());
  }

  private static List<String> models(Map<String, ModelState> changes) {
    return changes.entrySet().stream()
        .map(
            change ->
                change.getValue().isServed()
                    ? Webhooks.model(change.getKey(), change.getValue().prompt().toPlainString())
                    : "\"" + change.getKey() + "\"")
        .toList();
  }
}
