package com.gatewayz.modelpages.gateway;

import java.net.http.HttpTimeoutException;
import java.time.Duration;

/** The headers came in time but the body did not finish within the body time limit. */
final class StalledBodyException extends HttpTimeoutException {

  StalledBodyException(Duration limit) {
    super("the response body did not finish within " + Failures.seconds(limit));
  }
}
