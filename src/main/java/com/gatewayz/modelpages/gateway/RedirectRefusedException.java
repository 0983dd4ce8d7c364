package com.gatewayz.modelpages.gateway;

import java.io.IOException;

/** A gateway redirected somewhere its fetches may not go; nothing was requested there. */
final class RedirectRefusedException extends IOException {

  RedirectRefusedException(String message) {
    super(message);
  }
}
