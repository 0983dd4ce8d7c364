package com.gatewayz.modelpages.gateway;

import java.io.IOException;

/** A gateway answered with a status other than 2xx. Retried only for 5xx. */
final class HttpStatusException extends IOException {

  private final int status;

  HttpStatusException(int status) {
    super("HTTP " + status);
    this.status = status;
  }

  int status() {
    return status;
  }

  boolean isServerError() {
    return status >= 500;
  }
}
