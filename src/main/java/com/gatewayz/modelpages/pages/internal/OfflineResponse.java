package com.gatewayz.modelpages.pages.internal;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Captures what a view writes into a byte buffer, UTF-8 (under an include the view's own content
 * type is ignored). Never committed, so the container never sends anything.
 */
public final class OfflineResponse implements HttpServletResponse {

  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(16 * 1024);
  private final PrintWriter writer =
      new PrintWriter(new OutputStreamWriter(buffer, StandardCharsets.UTF_8), false);
  private final Map<String, List<String>> headers = new LinkedHashMap<>();
  private int status = SC_OK;
  private String contentType = "text/html;charset=UTF-8";

  /** Everything written so far. */
  public byte[] body() {
    writer.flush();
    return buffer.toByteArray();
  }

  @Override
  public PrintWriter getWriter() {
    return writer;
  }

  @Override
  public ServletOutputStream getOutputStream() {
    writer.flush();
    return new ServletOutputStream() {
      @Override
      public void write(int b) {
        buffer.write(b);
      }

      @Override
      public void write(byte[] bytes, int offset, int length) {
        buffer.write(bytes, offset, length);
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setWriteListener(WriteListener listener) {}
    };
  }

  @Override
  public String getCharacterEncoding() {
    return "UTF-8";
  }

  @Override
  public void setCharacterEncoding(String encoding) {}

  @Override
  public String getContentType() {
    return contentType;
  }

  @Override
  public void setContentType(String type) {
    if (type != null) {
      contentType = type;
    }
  }

  @Override
  public void setStatus(int status) {
    this.status = status;
  }

  @Override
  public int getStatus() {
    return status;
  }

  @Override
  public void sendError(int status, String message) {
    this.status = status;
  }

  @Override
  public void sendError(int status) {
    this.status = status;
  }

  @Override
  public void sendRedirect(String location) {
    status = SC_FOUND;
    setHeader("Location", location);
  }

  @Override
  public void setHeader(String name, String value) {
    List<String> values = new ArrayList<>();
    values.add(value);
    headers.put(name.toLowerCase(Locale.ROOT), values);
  }

  @Override
  public void addHeader(String name, String value) {
    headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>()).add(value);
  }

  @Override
  public void setDateHeader(String name, long date) {
    setHeader(name, Long.toString(date));
  }

  @Override
  public void addDateHeader(String name, long date) {
    addHeader(name, Long.toString(date));
  }

  @Override
  public void setIntHeader(String name, int value) {
    setHeader(name, Integer.toString(value));
  }

  @Override
  public void addIntHeader(String name, int value) {
    addHeader(name, Integer.toString(value));
  }

  @Override
  public boolean containsHeader(String name) {
    return headers.containsKey(name.toLowerCase(Locale.ROOT));
  }

  @Override
  public String getHeader(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  @Override
  public Collection<String> getHeaders(String name) {
    return List.copyOf(headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of()));
  }

  @Override
  public Collection<String> getHeaderNames() {
    return List.copyOf(headers.keySet());
  }

  @Override
  public void addCookie(Cookie cookie) {}

  @Override
  public String encodeURL(String url) {
    return url;
  }

  @Override
  public String encodeRedirectURL(String url) {
    return url;
  }

  @Override
  public void setContentLength(int length) {}

  @Override
  public void setContentLengthLong(long length) {}

  @Override
  public void setBufferSize(int size) {}

  @Override
  public int getBufferSize() {
    return buffer.size();
  }

  @Override
  public void flushBuffer() {
    writer.flush();
  }

  @Override
  public void resetBuffer() {
    writer.flush();
    buffer.reset();
  }

  @Override
  public boolean isCommitted() {
    return false;
  }

  @Override
  public void reset() {
    resetBuffer();
    headers.clear();
    status = SC_OK;
  }

  @Override
  public void setLocale(Locale locale) {}

  @Override
  public Locale getLocale() {
    return Locale.US;
  }
}
