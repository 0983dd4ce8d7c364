package com.gatewayz.modelpages.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Free loopback ports for the servers a test starts itself (Terracotta, a fault proxy): from the
 * range in the system property {@value #RANGE} ({@code first-last}, so concurrent builds on one
 * machine can keep apart), else any port the system hands out.
 */
public final class TestPorts {

  public static final String RANGE = "it.cluster.ports";

  private static final AtomicInteger CURSOR = new AtomicInteger();

  private TestPorts() {}

  /** A port that was free when asked; each call in a range tries the next one first. */
  public static int free() {
    String range = System.getProperty(RANGE, "").trim();
    if (range.isEmpty()) {
      return bindable(0);
    }
    int first = Integer.parseInt(range.substring(0, range.indexOf('-')));
    int size = Integer.parseInt(range.substring(range.indexOf('-') + 1)) - first + 1;
    for (int tried = 0; tried < size; tried++) {
      int port = first + Math.floorMod(CURSOR.getAndIncrement(), size);
      if (bindable(port) > 0) {
        return port;
      }
    }
    throw new IllegalStateException("no free port in " + RANGE + "=" + range);
  }

  private static int bindable(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      if (port == 0) {
        throw new IllegalStateException("no free port", e);
      }
      return -1;
    }
  }
}
