package com.gatewayz.modelpages.webhook;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The webhook event types this site acts on, by their {@code event_type} names. */
enum EventType {
  MODELS_ADDED("models.added"),
  MODELS_UPDATED("models.updated"),
  MODELS_REMOVED("models.removed"),
  GATEWAY_STATUS_CHANGED("gateway.status_changed");

  private final String wireName;

  EventType(String wireName) {
    this.wireName = wireName;
  }

  /** The {@code event_type} value, such as {@code models.added}. */
  public String wireName() {
    return wireName;
  }

  /** The type named {@code wireName} (case-sensitive), or empty for a type this site ignores. */
  public static Optional<EventType> fromWireName(String wireName) {
    return Arrays.stream(values()).filter(type -> type.wireName.equals(wireName)).findFirst();
  }

  /** Every supported {@code event_type} value, in declaration order. */
  public static List<String> wireNames() {
    return Arrays.stream(values()).map(EventType::wireName).toList();
  }
}
