package com.gatewayz.modelpages.catalog;

import java.util.Objects;

/**
 * A gateway's status as a webhook reported it ({@code gateway.status_changed}).
 *
 * @param reportedAt the event time in epoch milliseconds; 0 when a stored catalog from before event
 *     times were kept had none
 */
public record ReportedStatus(String status, long reportedAt) {

  public ReportedStatus {
    Objects.requireNonNull(status, "status");
  }
}
