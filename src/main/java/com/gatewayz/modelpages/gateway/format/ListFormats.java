package com.gatewayz.modelpages.gateway.format;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The list formats by name, as the gateway registry names them. */
public final class ListFormats {

  private static final Map<String, ListFormat> BY_NAME =
      Map.of(
          "openrouter", new OpenRouterFormat(),
          "openai", new OpenAiCompatibleFormat(),
          "together", new TogetherFormat(),
          "models-dev", new ModelsDevFormat());

  private ListFormats() {}

  /**
   * The format called {@code name}.
   *
   * @throws IllegalArgumentException for an unknown name; the message lists the valid ones
   */
  public static ListFormat forName(String name) {
    ListFormat format = name == null ? null : BY_NAME.get(name);
    if (format == null) {
      throw new IllegalArgumentException(
          "unknown list format '" + name + "'; valid formats: " + String.join(", ", names()));
    }
    return format;
  }

  /** The valid format names, sorted. */
  public static Set<String> names() {
    return new TreeSet<>(BY_NAME.keySet());
  }
}
