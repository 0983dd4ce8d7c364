package com.gatewayz.modelpages.live;

import com.gatewayz.modelpages.platform.Settings;
import java.time.Duration;

/**
 * The live feed's caps.
 *
 * @param maxSubscribers open feeds in total; 0 turns the feed off
 * @param maxPerClient open feeds per client address
 * @param timeout how long one feed stays open before the server ends it (the browser reconnects)
 * @param queuedBytes bytes of frames waiting for a subscriber that does not keep up; a frame past
 *     it drops the subscriber (one frame is always taken)
 */
public record LiveLimits(int maxSubscribers, int maxPerClient, Duration timeout, int queuedBytes) {

  /** Bounds the memory a subscriber that stopped reading can hold: a few dozen events. */
  public static final int DEFAULT_QUEUED_BYTES = 64 * 1024;

  public LiveLimits {
    if (maxSubscribers < 0
        || maxPerClient < 1
        || queuedBytes < 1
        || timeout.isNegative()
        || timeout.isZero()) {
      throw new IllegalArgumentException("invalid live feed limits");
    }
  }

  public static LiveLimits from(Settings settings) {
    return new LiveLimits(
        settings.liveMaxSubscribers(),
        settings.liveMaxPerClient(),
        Duration.ofSeconds(settings.liveTimeoutSeconds()),
        DEFAULT_QUEUED_BYTES);
  }
}
