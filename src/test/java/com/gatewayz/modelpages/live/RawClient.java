package com.gatewayz.modelpages.live;

import com.gatewayz.modelpages.testing.Site;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** Raw HTTP/1.1 connections to the live feed, as hostile or careless clients make them. */
final class RawClient {

  /** The last chunk of a chunked response: the server ended the stream. */
  static final String END_OF_STREAM = "\r\n0\r\n\r\n";

  private RawClient() {}

  /** {@link #request(URI, String, String)} to the site's feed. */
  static Socket request(Site site, String localAddress, String method) throws IOException {
    return request(site.uri("/api/models/events"), localAddress, method);
  }

  /**
   * Connects from {@code localAddress} (any 127.x.y.z is this machine; null: the system's choice)
   * with a small receive window and sends {@code method feed}; reads nothing.
   */
  static Socket request(URI feed, String localAddress, String method) throws IOException {
    Socket socket = new Socket();
    socket.setReceiveBufferSize(1024);
    if (localAddress != null) {
      socket.bind(new InetSocketAddress(localAddress, 0));
    }
    socket.connect(new InetSocketAddress(feed.getHost(), feed.getPort()), 5_000);
    String body = method.equals("POST") || method.equals("PUT") ? "Content-Length: 0\r\n" : "";
    String head =
        method
            + " "
            + feed.getRawPath()
            + " HTTP/1.1\r\nHost: "
            + feed.getAuthority()
            + "\r\n"
            + body
            + "\r\n";
    socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
    return socket;
  }

  /** Reads until the text read contains {@code end}; fails after 10 s. */
  static String readUntil(Socket socket, String end) throws IOException {
    return read(socket, end);
  }

  /** Reads until the server closes the connection; fails after 10 s. */
  static String readToClose(Socket socket) throws IOException {
    return read(socket, null);
  }

  private static String read(Socket socket, String end) throws IOException {
    socket.setSoTimeout(10_000);
    InputStream in = socket.getInputStream();
    StringBuilder text = new StringBuilder();
    byte[] buffer = new byte[16_384];
    int read;
    while ((end == null || !text.toString().contains(end)) && (read = in.read(buffer)) >= 0) {
      text.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
    }
    return text.toString();
  }
}
