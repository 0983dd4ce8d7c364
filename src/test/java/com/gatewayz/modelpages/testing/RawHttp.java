package com.gatewayz.modelpages.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 over a plain socket, for what {@code HttpClient} cannot do: requests no client will send
 * (an illegal request target, a header past the server's limit), headers and then only part of the
 * declared body (or none, or byte by byte), or a connection from another loopback address.
 */
public final class RawHttp implements AutoCloseable {

  /** A response: status, headers by lower-case name, body as UTF-8. */
  public record Response(int status, Map<String, String> headers, String body) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  // Generous: a request that reaches the application may be the one that compiles its JSP.
  private static final int TIMEOUT_MILLIS = 120_000;

  private final Socket socket;

  private RawHttp(Socket socket) {
    this.socket = socket;
  }

  /**
   * Sends a whole {@code request} (ISO-8859-1, line ends as given) to {@code host:port} on a new
   * connection and reads the answer to the end (the request should say {@code Connection: close}).
   */
  public static Response send(String host, int port, String request) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
      socket.setSoTimeout(TIMEOUT_MILLIS);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      return parseWhole(readAll(socket.getInputStream()));
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

  private static Response parseWhole(String raw) {
    int end = raw.indexOf("\r\n\r\n");
    if (!raw.startsWith("HTTP/") || end < 0) {
      String start = raw.substring(0, Math.min(200, raw.length()));
      throw new IllegalStateException("not an HTTP answer: " + start);
    }
    String[] lines = raw.substring(0, end).split("\r\n");
    Map<String, String> headers = new TreeMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
        headers.put(name, lines[i].substring(colon + 1).trim());
      }
    }
    return new Response(Integer.parseInt(lines[0].split(" ")[1]), headers, raw.substring(end + 4));
  }

  /** Connects to the host and port of {@code base}, from {@code from} (null: any local address). */
  public static RawHttp connect(URI base, InetAddress from) {
    try {
      Socket socket = new Socket();
      if (from != null) {
        socket.bind(new InetSocketAddress(from, 0));
      }
      int port = base.getPort() > 0 ? base.getPort() : 80;
      socket.connect(new InetSocketAddress(base.getHost(), port), 5_000);
      return new RawHttp(socket);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static RawHttp connect(URI base) {
    return connect(base, null);
  }

  /** The request line and headers ({@code "Name: value"} each), then the blank line. */
  public RawHttp head(String requestLine, String host, String... headers) {
    StringBuilder head = new StringBuilder(requestLine).append("\r\nHost: ").append(host);
    for (String header : headers) {
      head.append("\r\n").append(header);
    }
    return send(head.append("\r\n\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
  }

  /**
   * A JSON {@code POST} to {@code target} (the request target: path and query) declaring {@code
   * contentLength}, headers only: the body, if any, is the caller's to {@link #send}.
   */
  public RawHttp postJsonHead(String target, String host, long contentLength, String... headers) {
    String[] all = new String[headers.length + 2];
    all[0] = "Content-Type: application/json";
    all[1] = "Content-Length: " + contentLength;
    System.arraycopy(headers, 0, all, 2, headers.length);
    return head("POST " + target + " HTTP/1.1", host, all);
  }

  public RawHttp send(byte[] bytes) {
    try {
      socket.getOutputStream().write(bytes);
      socket.getOutputStream().flush();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads the response, waiting at most {@code timeout} for each read.
   *
   * @throws java.net.SocketTimeoutException (unchecked, as its cause) when the server stays silent
   */
  public Response response(Duration timeout) {
    try {
      socket.setSoTimeout((int) timeout.toMillis());
      InputStream in = socket.getInputStream();
      String[] head = readHead(in).split("\r\n");
      Map<String, String> headers = new TreeMap<>();
      for (int i = 1; i < head.length; i++) {
        int colon = head[i].indexOf(':');
        headers.put(
            head[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
            head[i].substring(colon + 1).trim());
      }
      int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
      String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
      return new Response(Integer.parseInt(head[0].split(" ")[1]), headers, body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed before the response head ended");
      }
      head.write(b);
      matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.ISO_8859_1).strip();
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // nothing to do
    }
  }
}
