package com.gatewayz.modelpages.live;

import com.gatewayz.modelpages.catalog.CatalogChange;
import com.gatewayz.modelpages.catalog.CatalogListener;
import com.gatewayz.modelpages.platform.DaemonThreads;
import com.gatewayz.modelpages.platform.JsonSupport;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The live model feed: every catalog change is announced to the Server-Sent Events subscribers as
 * {@code models.added}, {@code models.updated}, {@code models.removed} with the ids. Announcing
 * only queues the frame: one writer thread hands it to each subscriber's bounded queue and writes
 * with non-blocking I/O, so no subscriber can hold up a catalog writer or another subscriber. A
 * heartbeat comment keeps idle connections open and finds departed clients. Thread-safe.
 */
public final class ModelEventHub implements CatalogListener, AutoCloseable {

  static final long HEARTBEAT_SECONDS = 15;

  /** The browser's reconnection delay after the server ended a feed (timeout, overflow). */
  static final long RETRY_MILLIS = 5_000;

  static final byte[] FIRST_FRAME = frame("retry: " + RETRY_MILLIS + "\n: connected\n\n");
  private static final byte[] HEARTBEAT = frame(": heartbeat\n\n");
  private static final int MAX_IDS_PER_EVENT = 1_000;
  private static final Logger LOG = Logger.getLogger(ModelEventHub.class.getName());

  private final Clock clock;
  private final LiveLimits limits;
  private final Admission admission;
  private final Set<Subscription> subscribers = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService writer =
      Executors.newSingleThreadScheduledExecutor(DaemonThreads.single("sse-writer"));

  public ModelEventHub(Clock clock, LiveLimits limits) {
    this.clock = clock;
    this.limits = limits;
    this.admission = new Admission(limits.maxSubscribers(), limits.maxPerClient());
    writer.scheduleAtFixedRate(
        () -> broadcast(HEARTBEAT), HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
  }

  /** Open feeds, counted from admission until the feed ended. */
  public int subscribers() {
    return admission.total();
  }

  LiveLimits limits() {
    return limits;
  }

  Executor writer() {
    return writer;
  }

  /** Counts a client in, within the caps; an admitted client must then be {@link #open}ed. */
  Admission.Verdict admit(String client) {
    return writer.isShutdown() ? Admission.Verdict.OFF : admission.admit(client);
  }

  /**
   * Starts the feed of an admitted client as an asynchronous request with the finite timeout; if
   * that fails, the admission is released.
   */
  void open(String client, HttpServletRequest request) throws IOException {
    Subscription subscription;
    try {
      AsyncContext async = request.startAsync();
      async.setTimeout(limits.timeout().toMillis());
      subscription = new Subscription(client, async, async.getResponse().getOutputStream(), this);
    } catch (IOException | RuntimeException e) {
      admission.release(client);
      throw e;
    }
    // Listed before it starts, so an event that follows the ": connected" line the client reads
    // is never missed; the writer only queues for it until start() turns the stream non-blocking
    // (the writer must never block on a write).
    subscribers.add(subscription);
    subscription.start();
    if (subscription.isEnded()) {
      subscribers.remove(subscription);
    }
  }

  /** Called once per subscription, whoever ended it. */
  void ended(Subscription subscription) {
    subscribers.remove(subscription);
    admission.release(subscription.client());
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
        JsonSupport.JSON
            .createObjectBuilder()
            .add("event_type", name)
            .add("count", ids.size())
            .add("ids", list)
            .add("timestamp", clock.millis())
            .build()
            .toString();
    // JSON has no raw line breaks, so the data is one "data:" line.
    byte[] frame = frame("event: " + name + "\ndata: " + data + "\n\n");
    try {
      writer.execute(() -> broadcast(frame));
    } catch (RejectedExecutionException e) {
      // closed: nobody is listening any more
    }
  }

  // Writer thread only. A subscriber that fails is dropped: the heartbeat must never stop.
  private void broadcast(byte[] frame) {
    for (Subscription subscriber : subscribers) {
      try {
        subscriber.offer(frame);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "[Live] writing to a subscriber failed; dropped it", e);
        subscriber.end(true);
      }
    }
  }

  private static byte[] frame(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    writer.shutdownNow();
    subscribers.forEach(subscriber -> subscriber.end(true));
  }
}
