package com.gatewayz.modelpages.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The gateways the catalog keeps entries for: their ids, and the other names (aliases) that mean
 * one of them. Entries are only ever kept under an id, so an alias never becomes a second namespace
 * that no refresh of the gateway clears. Implementations are immutable and thread-safe.
 */
public interface GatewayNames {

  /**
   * The id of the gateway {@code name} names: an id or an alias, in any case; empty for null and
   * for names no gateway has.
   */
  Optional<String> idOf(String name);

  /** Every gateway id, in a stable order (for messages). */
  List<String> ids();

  /**
   * Fixed names, for tests and tools without a registry.
   *
   * @param ids the gateway ids
   * @param aliases alias → id; each id must be one of {@code ids}
   * @throws IllegalArgumentException when an alias points at an unknown id
   */
  static GatewayNames of(List<String> ids, Map<String, String> aliases) {
    Map<String, String> byName = new LinkedHashMap<>();
    ids.forEach(id -> byName.put(id.toLowerCase(Locale.ROOT), id));
    aliases.forEach(
        (alias, id) -> {
          if (!ids.contains(id)) {
            throw new IllegalArgumentException(
                "alias '" + alias + "' names unknown id '" + id + "'");
          }
          byName.putIfAbsent(alias.toLowerCase(Locale.ROOT), id);
        });
    List<String> known = List.copyOf(ids);
    return new GatewayNames() {
      @Override
      public Optional<String> idOf(String name) {
        return name == null
            ? Optional.empty()
            : Optional.ofNullable(byName.get(name.trim().toLowerCase(Locale.ROOT)));
      }

      @Override
      public List<String> ids() {
        return known;
      }
    };
  }
}
