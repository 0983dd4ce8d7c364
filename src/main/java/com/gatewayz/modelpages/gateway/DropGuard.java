package com.gatewayz.modelpages.gateway;

import com.gatewayz.modelpages.catalog.CatalogState;
import com.gatewayz.modelpages.catalog.Listing;
import com.gatewayz.modelpages.gateway.FetchResult.Failed;
import com.gatewayz.modelpages.gateway.FetchResult.Fetched;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Holds back a list that would retire most of what a gateway offers: an empty list, or fewer than
 * half of the models of the last list applied from that gateway. An expired key or a changed format
 * answers {@code {"data":[]}} with a 200; such a list counts as a failed fetch (the gateway keeps
 * its last good models, its status says why) until the same list, by its ids, arrives {@code
 * confirmations} times in a row: then it is applied as usual. The circuit breaker does not see
 * these failures (the gateway answered). Baselines live in memory; before the first applied list
 * (after a restart) the models the catalog holds from the gateway are the baseline. Thread-safe.
 */
final class DropGuard {

  static final String EMPTY_LIST = "empty_list";
  static final String SUSPICIOUS_DROP = "suspicious_drop";

  private record Pending(String fingerprint, int seen) {}

  private final int confirmations;
  private final Map<String, Integer> lastApplied = new ConcurrentHashMap<>();
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();

  /**
   * @param confirmations identical answers in a row that make a suspicious list count (1: none
   *     held)
   */
  DropGuard(int confirmations) {
    this.confirmations = confirmations;
  }

  /** The results with every suspicious list not yet confirmed turned into a failure. */
  List<FetchResult> screen(List<FetchResult> results, CatalogState state) {
    List<FetchResult> screened = new ArrayList<>(results.size());
    results.forEach(result -> screened.add(screen(result, state)));
    return screened;
  }

  private FetchResult screen(FetchResult result, CatalogState state) {
    if (!(result instanceof Fetched fetched)) {
      return result;
    }
    String id = fetched.gateway().id();
    int count = fetched.list().models().size();
    Integer last = lastApplied.get(id);
    int baseline = last != null ? last : GatewayRuns.visibleModels(state, id);
    String suspicion = suspicion(count, baseline);
    if (suspicion == null) {
      pending.remove(id);
      return result;
    }
    int seen =
        pending
            .merge(id, new Pending(fingerprint(fetched.list().models()), 1), DropGuard::again)
            .seen();
    if (seen >= confirmations) {
      return result;
    }
    String why = because(suspicion, count, baseline, seen);
    return new Failed(
        fetched.gateway(), suspicion, why, fetched.attempts(), fetched.millis(), false);
  }

  /** Remembers what was applied from each list: the next list is judged against it. */
  void applied(List<Fetched> lists) {
    for (Fetched list : lists) {
      lastApplied.put(list.gateway().id(), list.list().models().size());
      pending.remove(list.gateway().id());
    }
  }

  static String suspicion(int count, int baseline) {
    if (count == 0 && baseline > 0) {
      return EMPTY_LIST;
    }
    return count * 2L < baseline ? SUSPICIOUS_DROP : null;
  }

  private static Pending again(Pending before, Pending now) {
    return before.fingerprint().equals(now.fingerprint())
        ? new Pending(now.fingerprint(), before.seen() + 1)
        : now;
  }

  // "empty_list: no models listed (42 before); held until the same list comes 3 times in a row
  // (1/3)"
  private String because(String suspicion, int count, int baseline, int seen) {
    String what =
        suspicion.equals(EMPTY_LIST)
            ? "no models listed (" + baseline + " before)"
            : count + " models listed, " + baseline + " before (more than half gone)";
    return suspicion
        + ": "
        + what
        + "; held until the same list comes "
        + confirmations
        + " times in a row ("
        + seen
        + "/"
        + confirmations
        + ")";
  }

  // Ids are at most 256 characters without line breaks: one per line, sorted, identifies the list.
  private static String fingerprint(List<Listing> models) {
    List<String> ids = new ArrayList<>(models.size());
    models.forEach(model -> ids.add(model.id()));
    ids.sort(null);
    return HexFormat.of().formatHex(sha256(String.join("\n", ids)));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
