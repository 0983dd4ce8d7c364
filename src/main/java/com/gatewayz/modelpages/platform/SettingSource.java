package com.gatewayz.modelpages.platform;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a setting's raw text comes from, in order: environment variable, system property of the
 * same name, servlet context parameter. Blank values count as unset.
 */
public final class SettingSource {

  private final Function<String, String> environment;
  private final Function<String, String> systemProperties;
  private final Function<String, String> contextParameters;

  public SettingSource(
      Function<String, String> environment,
      Function<String, String> systemProperties,
      Function<String, String> contextParameters) {
    this.environment = environment;
    this.systemProperties = systemProperties;
    this.contextParameters = contextParameters;
  }

  /** The process environment, system properties and the given context parameters. */
  public static SettingSource of(Function<String, String> contextParameters) {
    return new SettingSource(System::getenv, System::getProperty, contextParameters);
  }

  /**
   * Only the given values, nothing from the process: what a test passes so that settings exported
   * in the shell that runs it (a token, a data directory) never reach the application under test.
   */
  public static SettingSource ofMap(Map<String, String> values) {
    return new SettingSource(values::get, name -> null, name -> null);
  }

  /**
   * A raw lookup by name, {@code null} when unset: for values that are not typed settings (API
   * keys).
   */
  public String lookup(String name) {
    return get(name).orElse(null);
  }

  public Optional<String> get(String name) {
    return firstPresent(
        name,
        environment,
        systemProperties,
        contextParameters == null ? n -> null : contextParameters);
  }

  @SafeVarargs
  private static Optional<String> firstPresent(String name, Function<String, String>... sources) {
    for (Function<String, String> source : sources) {
      String value = source.apply(name);
      if (value != null && !value.isBlank()) {
        return Optional.of(value.trim());
      }
    }
    return Optional.empty();
  }
}
