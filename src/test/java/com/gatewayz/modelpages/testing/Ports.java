package com.gatewayz.modelpages.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Free ports for servers the tests start in other processes. */
final class Ports {

  private Ports() {}

  /** A port free now; another process could take it before the server binds it. */
  static int free() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
