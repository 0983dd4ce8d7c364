package com.gatewayz.modelpages.webhook;

import com.gatewayz.modelpages.catalog.GatewayNames;
import com.gatewayz.modelpages.catalog.Listing;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One parsed, fully validated webhook event. Immutable.
 *
 * <p>Body: {@code {"gateway","event_type","models":[...],"timestamp","status"}}. {@code gateway} is
 * a gateway id or alias, kept as the id; {@code timestamp} is epoch seconds or, above 10^12,
 * milliseconds (fractions allowed), defaulting to the receive time. {@code models.added} / {@code
 * models.updated} carry model objects (the catalog's model JSON; the offer of this gateway inside a
 * model's {@code offers}, when present, gives its prices and limits); {@code models.removed}
 * carries model objects or id strings; {@code gateway.status_changed} carries a top-level {@code
 * status}. Other event types are kept by name only and their {@code models} are not read.
 *
 * @param gateway the id of the gateway the event speaks for
 * @param eventType the {@code event_type} as sent, known or not
 * @param listings the models of an added/updated event as this gateway's listings, else empty
 * @param removedIds the ids of a removed event, else empty
 * @param status the status of a {@code gateway.status_changed} event, else null
 * @param eventTime the event time in epoch milliseconds
 */
record WebhookEvent(
    String gateway,
    String eventType,
    List<Listing> listings,
    List<String> removedIds,
    String status,
    long eventTime) {

  /** Most models one event may carry. */
  public static final int MAX_MODELS = 10_000;

  public WebhookEvent {
    Objects.requireNonNull(gateway, "gateway");
    Objects.requireNonNull(eventType, "eventType");
    listings = List.copyOf(listings);
    removedIds = List.copyOf(removedIds);
  }

  /**
   * Parses and validates a raw body; any bad field rejects the whole event.
   *
   * @param receivedAt epoch milliseconds of receipt: the event time when the body has none, and the
   *     reference for rejecting timestamps too far in the future
   * @param gateways the gateways events may speak for; an alias is resolved to its id
   * @throws InvalidEventException naming the first bad field (an unknown gateway included), or
   *     starting {@code invalid JSON:}
   */
  public static WebhookEvent parse(byte[] body, long receivedAt, GatewayNames gateways)
      throws InvalidEventException {
    return EventJson.read(body, receivedAt, false, gateways);
  }

  /**
   * Like {@link #parse(byte[], long, GatewayNames)}, but a body without {@code timestamp} is
   * rejected: for a signature scheme that signs no time of its own, the body's time is all that
   * tells a replay.
   */
  public static WebhookEvent parseTimed(byte[] body, long receivedAt, GatewayNames gateways)
      throws InvalidEventException {
    return EventJson.read(body, receivedAt, true, gateways);
  }

  /** The known type, or empty when this site ignores {@link #eventType()}. */
  public Optional<EventType> type() {
    return EventType.fromWireName(eventType);
  }

  /** How many models the event names (0 for status changes and ignored types). */
  public int modelsCount() {
    return listings.size() + removedIds.size();
  }
}
