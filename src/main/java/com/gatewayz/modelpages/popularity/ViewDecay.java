package com.gatewayz.modelpages.popularity;

import com.gatewayz.modelpages.platform.DaemonThreads;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ages the view counts every hour by the time passed on the clock, and once more on {@link
 * #close()}, saving them each time: popularity follows recent traffic and survives a restart.
 */
public final class ViewDecay implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(ViewDecay.class.getName());
  private static final double MILLIS_PER_HOUR = 3_600_000.0;

  private final ViewCounts views;
  private final Clock clock;
  private final ScheduledExecutorService thread;
  private long lastDecayMillis;

  private ViewDecay(ViewCounts views, Clock clock, ScheduledExecutorService thread) {
    this.views = views;
    this.clock = clock;
    this.thread = thread;
    this.lastDecayMillis = clock.millis();
  }

  /** Starts the hourly decay of {@code views} on a daemon thread. */
  public static ViewDecay start(ViewCounts views, Clock clock) {
    ScheduledExecutorService thread =
        Executors.newSingleThreadScheduledExecutor(DaemonThreads.single("view-decay"));
    ViewDecay decay = new ViewDecay(views, clock, thread);
    thread.scheduleAtFixedRate(decay::decay, 1, 1, TimeUnit.HOURS);
    return decay;
  }

  // Synchronized: the hourly run and the one at close may meet.
  synchronized void decay() {
    long now = clock.millis();
    double hours = Math.max(0, now - lastDecayMillis) / MILLIS_PER_HOUR;
    lastDecayMillis = now;
    try {
      views.decay(hours);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "[Popularity] saving view counts failed", e);
    }
  }

  /** Stops the hourly decay, then decays and saves once more. */
  @Override
  public void close() {
    thread.shutdownNow();
    decay();
  }
}
