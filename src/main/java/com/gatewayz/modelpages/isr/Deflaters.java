package com.gatewayz.modelpages.isr;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.zip.Deflater;

/**
 * A few reusable deflaters: a new one allocates and zeroes a quarter of a megabyte of native memory
 * that each page compressed paid for again. Bounded, so the request threads of a busy server cannot
 * each keep one: a deflater returned to a full pool is ended. Thread-safe.
 */
final class Deflaters {

  static final int MAX_IDLE = 2 * Math.max(1, Runtime.getRuntime().availableProcessors());

  private final ArrayBlockingQueue<Deflater> idle = new ArrayBlockingQueue<>(MAX_IDLE);

  /** An idle deflater, or a new one: raw deflate at the default level, as gzip carries it. */
  Deflater take() {
    Deflater deflater = idle.poll();
    return deflater != null ? deflater : new Deflater(Deflater.DEFAULT_COMPRESSION, true);
  }

  /** Takes {@code deflater} back, reset, or ends it when enough are idle. */
  void give(Deflater deflater) {
    deflater.reset();
    if (!idle.offer(deflater)) {
      deflater.end();
    }
  }

  int idleCount() {
    return idle.size();
  }
}
