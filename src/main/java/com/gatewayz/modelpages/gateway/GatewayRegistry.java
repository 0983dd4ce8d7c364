package com.gatewayz.modelpages.gateway;

import com.gatewayz.modelpages.catalog.GatewayNames;
import com.gatewayz.modelpages.platform.InvalidSettingException;
import com.gatewayz.modelpages.platform.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The gateways the catalog is fed from, in merge order, with the settings applied: {@code
 * MODEL_PAGES_GATEWAYS_FILE} replaces the bundled file, {@code MODEL_PAGES_GATEWAYS_ENABLED}
 * replaces every enabled flag, {@code MODEL_PAGES_GATEWAY_<ID>_URL} a list URL. Immutable and
 * thread-safe. Loading fails with {@link GatewayRegistryException} (bad file) or {@link
 * InvalidSettingException} (bad setting), each naming what is wrong.
 */
public final class GatewayRegistry implements GatewayNames {

  /** Where the WAR carries the default registry ({@code server-config/gateways.json}). */
  public static final String BUNDLED_RESOURCE = "/com/gatewayz/modelpages/gateway/gateways.json";

  private static final Logger LOG = Logger.getLogger(GatewayRegistry.class.getName());

  private final List<Gateway> all;
  private final Map<String, Gateway> byName = new LinkedHashMap<>();

  private GatewayRegistry(List<Gateway> gateways) {
    List<Gateway> sorted = new ArrayList<>(gateways);
    sorted.sort(Comparator.comparingInt(Gateway::order));
    this.all = List.copyOf(sorted);
    all.forEach(gateway -> byName.put(gateway.id(), gateway));
    all.forEach(gateway -> gateway.aliases().forEach(alias -> byName.putIfAbsent(alias, gateway)));
  }

  /** The registry file named by the settings, else the bundled one, with the settings applied. */
  public static GatewayRegistry load(Settings settings) {
    return load(settings, () -> GatewayRegistry.class.getResourceAsStream(BUNDLED_RESOURCE));
  }

  static GatewayRegistry load(Settings settings, Supplier<InputStream> bundled) {
    GatewayRegistry registry =
        settings
            .gatewaysFile()
            .map(GatewayRegistry::readFile)
            .orElseGet(() -> readBundled(bundled));
    GatewayRegistry applied =
        registry.withOverrides(settings.gatewaysEnabled(), settings.gatewayUrls()::forGateway);
    applied.logSummary(settings.gatewaysFile().map(Path::toString).orElse("bundled"));
    return applied;
  }

  /** The registry in {@code in} as written, without settings; {@code source} names it in errors. */
  public static GatewayRegistry read(InputStream in, String source) {
    return new GatewayRegistry(RegistryFile.read(in, source));
  }

  private static GatewayRegistry readFile(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    } catch (IOException e) {
      throw new GatewayRegistryException(
          Settings.GATEWAYS_FILE + "='" + file + "' cannot be read: " + e, e);
    }
  }

  private static GatewayRegistry readBundled(Supplier<InputStream> bundled) {
    try (InputStream in = bundled.get()) {
      if (in == null) {
        throw new GatewayRegistryException(
            "the bundled registry " + BUNDLED_RESOURCE + " is missing");
      }
      return read(in, "bundled gateways.json");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * This registry with the settings applied.
   *
   * @param enabled when present, exactly these gateways (ids or aliases) are enabled
   * @param urls a list URL override by gateway id, or empty
   */
  GatewayRegistry withOverrides(
      Optional<List<String>> enabled, Function<String, Optional<URI>> urls) {
    List<String> on = enabled.map(this::resolveEnabled).orElse(null);
    List<Gateway> result = new ArrayList<>();
    for (Gateway gateway : all) {
      Gateway next = on == null ? gateway : gateway.withEnabled(on.contains(gateway.id()));
      result.add(urls.apply(gateway.id()).map(url -> withUrl(next, url)).orElse(next));
    }
    return new GatewayRegistry(result);
  }

  private List<String> resolveEnabled(List<String> names) {
    List<String> ids = new ArrayList<>();
    for (String name : names) {
      Gateway gateway = find(name).orElseThrow(() -> unknownEnabled(names, name));
      ids.add(gateway.id());
    }
    return ids;
  }

  private InvalidSettingException unknownEnabled(List<String> names, String name) {
    return new InvalidSettingException(
        Settings.GATEWAYS_ENABLED,
        String.join(",", names),
        "known gateway ids (\""
            + name
            + "\" is not one); valid ids: "
            + String.join(", ", ids())
            + "; aliases: "
            + String.join(", ", aliases()));
  }

  private static Gateway withUrl(Gateway gateway, URI url) {
    if (!ListUrls.isUsable(url)) {
      throw new InvalidSettingException(
          Settings.GatewayUrls.settingName(gateway.id()),
          url.toString(),
          "an absolute https:, http: or file: URL");
    }
    return gateway.withListUrl(url);
  }

  private void logSummary(String source) {
    List<String> on = enabled().stream().map(Gateway::id).toList();
    LOG.info(
        () ->
            "[Gateways] registry ("
                + source
                + "): "
                + all.size()
                + " gateways, "
                + on.size()
                + " enabled: "
                + String.join(", ", on));
    enabled().stream()
        .filter(Gateway::deprecated)
        .forEach(
            gateway ->
                LOG.warning(() -> "[Gateways] " + gateway.id() + " is deprecated but enabled"));
  }

  /** The gateway with this id or alias (case-insensitive); empty for null or unknown. */
  public Optional<Gateway> find(String idOrAlias) {
    return idOrAlias == null
        ? Optional.empty()
        : Optional.ofNullable(byName.get(idOrAlias.trim().toLowerCase(Locale.ROOT)));
  }

  /** The id of the gateway with this id or alias (case-insensitive), enabled or not. */
  @Override
  public Optional<String> idOf(String name) {
    return find(name).map(Gateway::id);
  }

  /** Every gateway, enabled or not, in merge order. */
  public List<Gateway> all() {
    return all;
  }

  /** The gateways refreshes fetch, in merge order. */
  public List<Gateway> enabled() {
    return all.stream().filter(Gateway::enabled).toList();
  }

  /** Gateway id → merge order (lower first), for {@code CatalogMerger}. */
  public Map<String, Integer> priorities() {
    Map<String, Integer> priorities = new LinkedHashMap<>();
    all.forEach(gateway -> priorities.put(gateway.id(), gateway.order()));
    return priorities;
  }

  /** Every gateway id, in merge order. */
  @Override
  public List<String> ids() {
    return all.stream().map(Gateway::id).toList();
  }

  private List<String> aliases() {
    return all.stream().flatMap(gateway -> gateway.aliases().stream()).toList();
  }
}
