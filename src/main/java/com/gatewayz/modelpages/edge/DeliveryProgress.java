package com.gatewayz.modelpages.edge;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/** Lets callers wait, bounded, for the delivery threads to have made some progress. */
final class DeliveryProgress {

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition advanced = lock.newCondition();

  /** A delivery was attempted: waiters check their condition again. */
  void advanced() {
    lock.lock();
    try {
      advanced.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Waits until {@code done} holds (checked after every delivery attempt), at most {@code max}. */
  void await(BooleanSupplier done, Duration max) {
    long remaining = max.toNanos();
    lock.lock();
    try {
      while (!done.getAsBoolean() && remaining > 0) {
        remaining = advanced.awaitNanos(remaining);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      lock.unlock();
    }
  }
}
