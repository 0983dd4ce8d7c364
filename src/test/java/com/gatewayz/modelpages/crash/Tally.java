package com.gatewayz.modelpages.crash;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts of what one round sent and what came back. Thread-safe. */
final class Tally {

  final AtomicInteger operations = new AtomicInteger();
  final AtomicInteger webhooksAcknowledged = new AtomicInteger();
  final AtomicInteger webhooksInDoubt = new AtomicInteger();
  final AtomicInteger refreshesAcknowledged = new AtomicInteger();
  final AtomicInteger purges = new AtomicInteger();
  final AtomicInteger reads = new AtomicInteger();

  @Override
  public String toString() {
    return operations
        + " operations: "
        + webhooksAcknowledged
        + " webhooks acknowledged, "
        + webhooksInDoubt
        + " in doubt, "
        + refreshesAcknowledged
        + " refreshes acknowledged, "
        + purges
        + " purges, "
        + reads
        + " reads";
  }
}
