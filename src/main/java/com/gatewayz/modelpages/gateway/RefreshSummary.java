package com.gatewayz.modelpages.gateway;

import com.gatewayz.modelpages.catalog.CatalogChange;
import java.time.Instant;
import java.util.List;

/**
 * What one refresh did, for the admin endpoint and the logs. Immutable.
 *
 * @param alreadyRunning true when this call did nothing because another run was in progress
 * @param gateways one entry per enabled gateway, in merge order
 * @param models the catalog's model count after the run
 * @param added models the catalog gained (what the purge saw), likewise {@code changed}, {@code
 *     removed}
 * @param error why the run could not apply anything (the catalog is unchanged), or null
 */
public record RefreshSummary(
    Instant startedAt,
    long millis,
    boolean alreadyRunning,
    List<GatewayRun> gateways,
    int models,
    int added,
    int changed,
    int removed,
    String error) {

  /** How one gateway fared. */
  public enum Result {
    OK,
    FAILED,
    SKIPPED
  }

  /**
   * One gateway in one run.
   *
   * @param models for {@code OK} the models it listed, else the models kept from its last good list
   * @param added its entries that appeared, likewise {@code changed} and {@code removed} (missed on
   *     two refreshes in a row)
   * @param message the error or skip reason; for {@code OK} the skipped entries, or null
   * @param errorClass for {@code FAILED} the public class of the error ({@code timeout}, {@code
   *     http_503}, ...), else null
   */
  public record GatewayRun(
      String id,
      Result result,
      int models,
      int added,
      int changed,
      int removed,
      int attempts,
      long millis,
      String message,
      String errorClass) {}

  public RefreshSummary {
    gateways = List.copyOf(gateways);
  }

  static RefreshSummary of(
      Instant startedAt,
      long millis,
      List<GatewayRun> runs,
      int models,
      CatalogChange change,
      String error) {
    if (change == null) {
      return new RefreshSummary(startedAt, millis, false, runs, models, 0, 0, 0, error);
    }
    return new RefreshSummary(
        startedAt,
        millis,
        false,
        runs,
        models,
        change.added().size(),
        change.changed().size(),
        change.removed().size(),
        error);
  }

  static RefreshSummary notRun(Instant now, boolean alreadyRunning, int models, String error) {
    return new RefreshSummary(now, 0, alreadyRunning, List.of(), models, 0, 0, 0, error);
  }

  public long count(Result result) {
    return gateways.stream().filter(run -> run.result() == result).count();
  }
}
