package com.gatewayz.modelpages.crash;

import java.util.ArrayList;
import java.util.List;

/** The invariant violations found so far, each naming its round. Thread-safe. */
final class Findings {

  private final List<String> found = new ArrayList<>();
  private volatile String round = "start";

  /** Names the round (and how it stopped) in the findings from now on. */
  void round(String current) {
    round = current;
  }

  synchronized void add(String violation) {
    found.add(round + ": " + violation);
  }

  synchronized List<String> all() {
    return List.copyOf(found);
  }
}
