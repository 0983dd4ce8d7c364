package com.gatewayz.modelpages.gateway;

import java.io.IOException;

/** A list response went past the size bound; reading stopped there. Never retried. */
final class ResponseTooLargeException extends IOException {

  ResponseTooLargeException(long limit) {
    super("response larger than " + describe(limit) + "; reading stopped at the bound");
  }

  static String describe(long bytes) {
    long mib = 1024 * 1024;
    return bytes % mib == 0 ? bytes / mib + " MiB" : bytes + " bytes";
  }
}
