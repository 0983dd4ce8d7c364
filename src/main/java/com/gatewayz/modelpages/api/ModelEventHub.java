package com.gatewayz.modelpages.api;

import com.gatewayz.modelpages.catalog.CatalogChange;
import com.gatewayz.modelpages.catalog.CatalogListener;
import com.gatewayz.modelpages.platform.DaemonThreads;
import com.gatewayz.modelpages.platform.JsonSupport;
import jakarta.json.JsonArrayBuilder;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The live model feed: every catalog change is announced to the Server-Sent Events subscribers as
 * {@code models.added}, {@code models.updated}, {@code models.removed} with the ids. A heartbeat
 * comment keeps idle connections open and finds departed clients; a subscriber whose connection
 * failed is dropped at the next send. Events are written on the announcing thread, not through a
 * shared pool, so delivery never waits for unrelated work. Thread-safe.
 */
public final class ModelEventHub implements CatalogListener, AutoCloseable {

  static final long HEARTBEAT_SECONDS = 15;
  private static final int MAX_IDS_PER_EVENT = 1_000;

  /** One connected client. */
  interface Subscriber {
    /** Writes a whole frame; false when the connection is gone. */
    boolean send(String frame);

    void close();
  }

  private final Clock clock;
  private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService heartbeat =
      Executors.newSingleThreadScheduledExecutor(DaemonThreads.single("sse-heartbeat"));

  public ModelEventHub(Clock clock) {
    this.clock = clock;
    heartbeat.scheduleAtFixedRate(
        () -> broadcast(": heartbeat\n\n"), HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
  }

  void subscribe(Subscriber subscriber) {
    subscribers.add(subscriber);
    deliver(subscriber, ": connected\n\n");
  }

  void unsubscribe(Subscriber subscriber) {
    subscribers.remove(subscriber);
  }

  /** Subscribers not yet found departed. */
  public int subscribers() {
    return subscribers.size();
  }

  @Override
  public void catalogChanged(CatalogChange change) {
    announce("models.added", change.added());
    announce("models.updated", change.changed());
    announce("models.removed", change.removed());
  }

  private void announce(String name, Set<String> ids) {
    if (ids.isEmpty() || subscribers.isEmpty()) {
      return;
    }
    JsonArrayBuilder list = JsonSupport.JSON.createArrayBuilder();
    ids.stream().limit(MAX_IDS_PER_EVENT).forEach(list::add);
    String data =
        JsonSupport.JSON.createObjectBuilder()
            .add("event_type", name)
            .add("count", ids.size())
            .add("ids", list)
            .add("timestamp", clock.millis())
            .build()
            .toString();
    // JSON has no raw line breaks, so the data is one "data:" line.
    broadcast("event: " + name + "\ndata: " + data + "\n\n");
  }

  private void broadcast(String frame) {
    subscribers.forEach(subscriber -> deliver(subscriber, frame));
  }

  private void deliver(Subscriber subscriber, String frame) {
    if (!subscriber.send(frame)) {
      subscribers.remove(subscriber);
      subscriber.close();
    }
  }

  @Override
  public void close() {
    heartbeat.shutdownNow();
    subscribers.forEach(Subscriber::close);
    subscribers.clear();
  }
}
