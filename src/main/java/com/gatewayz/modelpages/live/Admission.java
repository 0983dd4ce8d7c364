package com.gatewayz.modelpages.live;

import java.util.HashMap;
import java.util.Map;

/**
 * Counts open feeds in total and per client address, and refuses one past either cap. Thread-safe.
 */
final class Admission {

  enum Verdict {
    ADMITTED,
    OFF,
    FULL,
    CLIENT_FULL
  }

  private final int maxTotal;
  private final int maxPerClient;
  // Only clients with an open feed are here, so the map is bounded by maxTotal.
  private final Map<String, Integer> perClient = new HashMap<>();
  private int total;

  Admission(int maxTotal, int maxPerClient) {
    this.maxTotal = maxTotal;
    this.maxPerClient = maxPerClient;
  }

  /** Counts {@code client} in when both caps allow; every admission is {@link #release}d once. */
  synchronized Verdict admit(String client) {
    if (maxTotal == 0) {
      return Verdict.OFF;
    }
    if (total >= maxTotal) {
      return Verdict.FULL;
    }
    int open = perClient.getOrDefault(client, 0);
    if (open >= maxPerClient) {
      return Verdict.CLIENT_FULL;
    }
    perClient.put(client, open + 1);
    total++;
    return Verdict.ADMITTED;
  }

  synchronized void release(String client) {
    Integer open = perClient.get(client);
    if (open == null) {
      return;
    }
    if (open == 1) {
      perClient.remove(client);
    } else {
      perClient.put(client, open - 1);
    }
    total--;
  }

  synchronized int total() {
    return total;
  }
}
