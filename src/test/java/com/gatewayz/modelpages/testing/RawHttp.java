package com.gatewayz.modelpages.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests no HTTP client will send (an illegal request target, a
 * header past the server's limit). Each request closes its connection; the answer is read to the
 * end.
 */
public final class RawHttp {

  // Generous: a request that reaches the application may be the one that compiles its JSP.
  private static final int TIMEOUT_MILLIS = 120_000;

  private RawHttp() {}

  /**
   * One answer.
   *
   * @param headers by lower-case name (the last one of a repeated name)
   */
  public record Response(int status, Map<String, String> headers, String body) {

    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /** Sends {@code request} (ISO-8859-1, line ends as given) to {@code host:port}. */
  public static Response send(String host, int port, String request) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
      socket.setSoTimeout(TIMEOUT_MILLIS);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      return parse(readAll(socket.getInputStream()));
    } catch (IOException e) {
      throw new UncheckedIOException("no answer from " + host + ":" + port, e);
    }
  }

  /** {@code METHOD target HTTP/1.1} with a Host header, the extra header lines, and close. */
  public static String request(String method, String target, String... headerLines) {
    StringBuilder request = new StringBuilder(method + " " + target + " HTTP/1.1\r\n");
    request.append("Host: localhost\r\n");
    for (String line : headerLines) {
      request.append(line).append("\r\n");
    }
    return request.append("Connection: close\r\n\r\n").toString();
  }

  private static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    in.transferTo(bytes);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static Response parse(String raw) {
    int end = raw.indexOf("\r\n\r\n");
    if (!raw.startsWith("HTTP/") || end < 0) {
      String start = raw.substring(0, Math.min(200, raw.length()));
      throw new IllegalStateException("not an HTTP answer: " + start);
    }
    String[] lines = raw.substring(0, end).split("\r\n");
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
        headers.put(name, lines[i].substring(colon + 1).trim());
      }
    }
    return new Response(Integer.parseInt(lines[0].split(" ")[1]), headers, raw.substring(end + 4));
  }
}
