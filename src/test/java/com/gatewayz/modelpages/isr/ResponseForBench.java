package com.gatewayz.modelpages.isr;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.lang.reflect.Proxy;

/**
 * A response for the benchmarks: headers in a small array, a body stream that counts the bytes and
 * drops them. Reused across requests of one thread after {@link #recycle()}, as a container reuses
 * its response objects. Anything {@link PageWriter} does not call reaches a stub that throws.
 */
final class ResponseForBench extends HttpServletResponseWrapper {

  private static final int MAX_HEADERS = 16;

  private final String[] names = new String[MAX_HEADERS];
  private final String[] values = new String[MAX_HEADERS];
  private final CountingStream body = new CountingStream();
  private int headerCount;
  private int status;
  private String contentType;
  private long contentLength;

  ResponseForBench() {
    super(unsupported());
    recycle();
  }

  /** Clears the headers and status for the next request; the byte count goes on. */
  void recycle() {
    headerCount = 0;
    status = 200;
    contentType = null;
    contentLength = -1;
  }

  /** Body bytes written since this response was made. */
  long bytesWritten() {
    return body.count;
  }

  long contentLength() {
    return contentLength;
  }

  @Override
  public void addHeader(String name, String value) {
    names[headerCount] = name;
    values[headerCount++] = value;
  }

  @Override
  public void setHeader(String name, String value) {
    for (int i = 0; i < headerCount; i++) {
      if (names[i].equalsIgnoreCase(name)) {
        values[i] = value;
        return;
      }
    }
    names[headerCount] = name;
    values[headerCount++] = value;
  }

  @Override
  public String getHeader(String name) {
    for (int i = 0; i < headerCount; i++) {
      if (names[i].equalsIgnoreCase(name)) {
        return values[i];
      }
    }
    return null;
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
  public void setContentType(String contentType) {
    this.contentType = contentType;
  }

  @Override
  public String getContentType() {
    return contentType;
  }

  @Override
  public void setContentLength(int length) {
    this.contentLength = length;
  }

  @Override
  public ServletOutputStream getOutputStream() {
    return body;
  }

  private static HttpServletResponse unsupported() {
    return (HttpServletResponse)
        Proxy.newProxyInstance(
            ResponseForBench.class.getClassLoader(),
            new Class<?>[] {HttpServletResponse.class},
            (proxy, method, args) -> {
              throw new UnsupportedOperationException(
                  "ResponseForBench has no " + method.getName());
            });
  }

  private static final class CountingStream extends ServletOutputStream {
    private long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      count += length;
    }

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setWriteListener(WriteListener listener) {
      throw new UnsupportedOperationException("blocking only");
    }
  }
}
