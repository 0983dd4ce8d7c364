package com.gatewayz.modelpages.isr;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.lang.reflect.Proxy;

/**
 * A GET with one {@code Accept-Encoding} header (or none), for the benchmarks. It answers only what
 * {@link PageWriter} asks; anything else reaches a stub that throws, so a benchmark fails rather
 * than measures a request nobody set up.
 */
final class RequestForBench extends HttpServletRequestWrapper {

  private final String acceptEncoding;

  private RequestForBench(String acceptEncoding) {
    super(unsupported());
    this.acceptEncoding = acceptEncoding;
  }

  /** A GET whose client takes gzip. */
  static RequestForBench gzip() {
    return new RequestForBench("gzip");
  }

  /** A GET with this {@code Accept-Encoding} header (null: none). */
  static RequestForBench withAcceptEncoding(String acceptEncoding) {
    return new RequestForBench(acceptEncoding);
  }

  /** A GET with no {@code Accept-Encoding}: the body goes out inflated. */
  static RequestForBench identity() {
    return new RequestForBench(null);
  }

  @Override
  public String getMethod() {
    return "GET";
  }

  @Override
  public String getHeader(String name) {
    return "Accept-Encoding".equalsIgnoreCase(name) ? acceptEncoding : null;
  }

  private static HttpServletRequest unsupported() {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            RequestForBench.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) -> {
              throw new UnsupportedOperationException("RequestForBench has no " + method.getName());
            });
  }
}
