package com.gatewayz.modelpages.admin;

import com.gatewayz.modelpages.catalog.CacheTags;
import com.gatewayz.modelpages.catalog.ModelId;
import com.gatewayz.modelpages.gateway.RefreshJob;
import com.gatewayz.modelpages.gateway.RefreshSummary;
import com.gatewayz.modelpages.isr.Isr;
import com.gatewayz.modelpages.isr.PurgeFailedException;
import java.util.List;

/**
 * The admin page's buttons: purge a model, purge a tag, refresh now. Input is validated before
 * anything is purged; the answer is the flash to show, never the input. Callers check authorisation
 * first. Thread-safe.
 */
final class AdminActions {

  static final int MAX_TAG = 300;

  private final Isr isr;
  private final RefreshJob refresh;

  AdminActions(Isr isr, RefreshJob refresh) {
    this.isr = isr;
    this.refresh = refresh;
  }

  /** Runs the action at {@code path} ({@code /purge-model}, ...); null for an unknown path. */
  AdminFlash run(String path, ParameterSource parameters) {
    return switch (path) {
      case "/purge-model" -> purgeModel(parameters.get("model"));
      case "/purge-tag" -> purgeTag(parameters.get("tag"));
      case "/refresh" -> refreshNow();
      default -> null;
    };
  }

  /** Reads a request parameter (a servlet request's {@code getParameter}). */
  interface ParameterSource {
    String get(String name);
  }

  AdminFlash purgeModel(String given) {
    String id = given == null ? "" : given.strip();
    if (ModelId.problem(id).isPresent()) {
      return AdminFlash.BAD_MODEL;
    }
    return purged(
        List.of(CacheTags.model(id)), List.of(ModelId.pagePath(id)), AdminFlash.PURGED_MODEL);
  }

  AdminFlash purgeTag(String given) {
    String tag = given == null ? "" : given.strip();
    if (!isVisibleAscii(tag)) {
      return AdminFlash.BAD_TAG;
    }
    return purged(List.of(tag), List.of(), AdminFlash.PURGED_TAG);
  }

  private AdminFlash purged(List<String> tags, List<String> paths, AdminFlash done) {
    try {
      isr.purge(tags, paths);
      return done;
    } catch (PurgeFailedException e) {
      return AdminFlash.PURGE_UNCONFIRMED;
    }
  }

  AdminFlash refreshNow() {
    RefreshSummary summary = refresh.runOnce();
    return summary.alreadyRunning() ? AdminFlash.REFRESH_BUSY : AdminFlash.REFRESHED;
  }

  static boolean isVisibleAscii(String tag) {
    return !tag.isEmpty()
        && tag.length() <= MAX_TAG
        && tag.chars().allMatch(c -> c > 0x20 && c < 0x7f);
  }
}
