package com.gatewayz.modelpages.webhook;

import java.io.IOException;

/**
 * A request body went over its limit; the rest of it was not read. The message ({@code body larger
 * than N bytes}) is safe to show to the sender.
 */
public final class TooLargeException extends IOException {

  private static final long serialVersionUID = 1L;

  private final long maxBytes;

  public TooLargeException(long maxBytes) {
    super("body larger than " + maxBytes + " bytes");
    this.maxBytes = maxBytes;
  }

  /** The limit that was exceeded. */
  public long maxBytes() {
    return maxBytes;
  }
}
