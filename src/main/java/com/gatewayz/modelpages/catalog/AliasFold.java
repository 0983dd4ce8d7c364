package com.gatewayz.modelpages.catalog;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Moves what a stored catalog keeps under a gateway alias to the gateway's id. Versions that took
 * webhooks for an alias kept {@code hug} apart from {@code huggingface}: a second namespace that no
 * refresh of the gateway updates or clears. Per model the newer entry wins (on equal times a
 * removal), as between any two reports of one model; a reported status likewise. Names that are
 * neither an id nor an alias are kept as they are, with one log line each. A pure function of the
 * state.
 */
public final class AliasFold {

  /**
   * The folded state, and which aliases were folded into which id (empty: {@code state} is the
   * stored state itself).
   */
  public record Folded(CatalogState state, Map<String, String> aliases) {}

  private static final Logger LOG = Logger.getLogger(AliasFold.class.getName());

  private AliasFold() {}

  public static Folded fold(CatalogState state, GatewayNames names) {
    Resolver resolver = new Resolver(names);
    state.sources().keySet().forEach(resolver::id);
    state.gatewayStatus().keySet().forEach(resolver::id);
    resolver.log();
    // Nothing to fold is the common case: a catalog of 100,000 entries is not copied at each start.
    if (resolver.folded.isEmpty()) {
      return new Folded(state, Map.of());
    }
    Map<String, Map<String, SourceEntry>> sources = new LinkedHashMap<>();
    state
        .sources()
        .forEach(
            (name, entries) -> {
              Map<String, SourceEntry> into =
                  sources.computeIfAbsent(resolver.id(name), g -> new LinkedHashMap<>());
              entries.forEach((model, entry) -> into.merge(model, entry, AliasFold::newer));
            });
    Map<String, ReportedStatus> statuses = new LinkedHashMap<>();
    state
        .gatewayStatus()
        .forEach((name, status) -> statuses.merge(resolver.id(name), status, AliasFold::newer));
    return new Folded(
        new CatalogState(sources, state.retired(), statuses), Map.copyOf(resolver.folded));
  }

  // The entry met first, unless the other is newer or, as old, a removal.
  private static SourceEntry newer(SourceEntry kept, SourceEntry other) {
    return other.isNewerThan(kept.appliedAt()) ? other : kept;
  }

  private static ReportedStatus newer(ReportedStatus kept, ReportedStatus other) {
    return other.reportedAt() > kept.reportedAt() ? other : kept;
  }

  /** Stored names to ids, remembering what it folded and what it did not know. */
  private static final class Resolver {
    final GatewayNames names;
    final Map<String, String> folded = new LinkedHashMap<>();
    final Set<String> unknown = new LinkedHashSet<>();

    Resolver(GatewayNames names) {
      this.names = names;
    }

    String id(String name) {
      String id = names.idOf(name).orElse(null);
      if (id == null) {
        unknown.add(name);
        return name;
      }
      if (!id.equals(name)) {
        folded.put(name, id);
      }
      return id;
    }

    void log() {
      folded.forEach(
          (alias, id) ->
              LOG.warning(
                  () ->
                      "[Catalog] stored entries of gateway '"
                          + alias
                          + "' folded into '"
                          + id
                          + "', which it is an alias of"));
      unknown.forEach(
          name ->
              LOG.info(
                  () ->
                      "[Catalog] stored entries of gateway '"
                          + name
                          + "' kept as they are: the registry does not name it, so no refresh updates them"));
    }
  }
}
