package com.gatewayz.modelpages.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One gateway of the registry: where its model list is, how to read it, and how it is fetched.
 * Immutable and thread-safe; built and validated by {@link GatewayRegistry}.
 *
 * @param id lower-case id ({@code [a-z0-9][a-z0-9-]*}), the offer label on pages
 * @param displayName the name shown to people
 * @param listUrl the model list: {@code https:}, {@code http:} or {@code file:}
 * @param format the list format name, one of {@code ListFormats.names()}
 * @param apiKeyEnv the environment variable holding the API key, or null when the list is public
 * @param priority decides the request timeout
 * @param order merge order, lower first: the first listing of a model gives its descriptive fields
 * @param enabled whether refreshes fetch it
 * @param aliases other ids it answers to; never null
 * @param deprecated kept for old links and offers, not to be enabled without reason
 */
public record Gateway(
    String id,
    String displayName,
    URI listUrl,
    String format,
    String apiKeyEnv,
    Priority priority,
    int order,
    boolean enabled,
    List<String> aliases,
    boolean deprecated) {

  /** How long a gateway may take to answer, as the original system allowed. */
  public enum Priority {
    FAST(Duration.ofMillis(2500)),
    SLOW(Duration.ofMillis(3500));

    private final Duration timeout;

    Priority(Duration timeout) {
      this.timeout = timeout;
    }

    public Duration timeout() {
      return timeout;
    }
  }

  public Gateway {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(listUrl, "listUrl");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(priority, "priority");
    displayName = displayName == null ? id : displayName;
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
  }

  /** True when fetching needs an API key from the environment. */
  public boolean needsKey() {
    return apiKeyEnv != null;
  }

  public Duration timeout() {
    return priority.timeout();
  }

  public Gateway withListUrl(URI url) {
    return new Gateway(
        id, displayName, url, format, apiKeyEnv, priority, order, enabled, aliases, deprecated);
  }

  public Gateway withEnabled(boolean on) {
    return new Gateway(
        id, displayName, listUrl, format, apiKeyEnv, priority, order, on, aliases, deprecated);
  }
}
