package com.gatewayz.modelpages.crash;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the webhook senders were told, per model: the newest event answered 200 (acknowledged) and
 * the events whose answer never came (in doubt: the kill came before or after they were applied).
 * After a restart the application must serve the acknowledged state or that of a newer event in
 * doubt; what it serves then becomes the known state the next round starts from. Thread-safe.
 */
final class Ledger {

  /** One event for one model: its body timestamp and the state it asks for. */
  record Event(long timestamp, ModelState state) {}

  private static final class History {
    ModelState known = ModelState.UNKNOWN;
    ModelState latest = ModelState.UNKNOWN;
    Event acknowledged;
    final List<Event> inDoubt = new ArrayList<>();
  }

  private final Map<String, History> models = new TreeMap<>();
  private final AtomicLong lastTimestamp = new AtomicLong();

  /** A strictly increasing event time in epoch milliseconds, near the wall clock. */
  long nextTimestamp() {
    long now = System.currentTimeMillis();
    return lastTimestamp.accumulateAndGet(now, (last, wall) -> Math.max(last + 1, wall));
  }

  /** The state asked for by the newest event sent for {@code id}, answered or not. */
  synchronized ModelState latest(String id) {
    return history(id).latest;
  }

  synchronized void sent(String id, Event event) {
    history(id).latest = event.state();
  }

  synchronized void acknowledged(String id, Event event) {
    History history = history(id);
    if (history.acknowledged == null || event.timestamp() > history.acknowledged.timestamp()) {
      history.acknowledged = event;
    }
  }

  synchronized void inDoubt(String id, Event event) {
    history(id).inDoubt.add(event);
  }

  /** The states the application may serve for {@code id} now. */
  synchronized Set<ModelState> allowed(String id) {
    History history = history(id);
    Set<ModelState> allowed = new LinkedHashSet<>();
    long since = history.acknowledged == null ? Long.MIN_VALUE : history.acknowledged.timestamp();
    allowed.add(history.acknowledged == null ? history.known : history.acknowledged.state());
    history.inDoubt.stream()
        .filter(event -> event.timestamp() > since)
        .forEach(event -> allowed.add(event.state()));
    return allowed;
  }

  /** After a check: what the application served is the state the next events start from. */
  synchronized void settle(String id, ModelState served) {
    History history = history(id);
    history.known = served;
    history.latest = served;
    history.acknowledged = null;
    history.inDoubt.clear();
  }

  /** Every model an event was sent for, in id order. */
  synchronized List<String> ids() {
    return List.copyOf(models.keySet());
  }

  private History history(String id) {
    return models.computeIfAbsent(id, key -> new History());
  }
}
