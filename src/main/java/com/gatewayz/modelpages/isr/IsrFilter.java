package com.gatewayz.modelpages.isr;

import com.gatewayz.modelpages.platform.ServiceRegistry;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Serves pages from the cache (mapped in web.xml on the page paths, REQUEST dispatch): GET and HEAD
 * of a cacheable key are answered by the engine ({@link Isr#serve}: HIT, STALE or MISS, or its 404
 * and 503 pages) and written by its writer. Everything else goes down the chain to the page
 * servlet, uncached.
 */
public class IsrFilter extends HttpFilter {

  // Bounds the memo whatever paths visitors make up: at most 20,000 paths of 256 characters, the
  // least used evicted first; only paths that named a page are remembered.
  static final int MAX_REMEMBERED_KEYS = 20_000;
  private static final int MAX_REMEMBERED_URI_LENGTH = 256;

  private transient Isr isr;
  // The key of a path without a query is a pure function of it: worked out once per path.
  private final transient Cache<String, PageKey> keysByPath;

  public IsrFilter() {
    this(null, MAX_REMEMBERED_KEYS);
  }

  /** For embedding without web.xml (tests). */
  public IsrFilter(Isr isr) {
    this(isr, MAX_REMEMBERED_KEYS);
  }

  IsrFilter(Isr isr, int maxRememberedKeys) {
    this.isr = isr;
    this.keysByPath =
        Caffeine.newBuilder().maximumSize(maxRememberedKeys).executor(Runnable::run).build();
  }

  @Override
  public void init(FilterConfig config) throws ServletException {
    super.init(config);
    if (isr == null) {
      isr = ServiceRegistry.from(config.getServletContext()).get(Isr.class);
    }
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String method = request.getMethod();
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      chain.doFilter(request, response);
      return;
    }
    String uri = request.getRequestURI();
    String query = request.getQueryString();
    PageKey remembered = query == null ? keysByPath.getIfPresent(uri) : null;
    PageKey key = remembered != null ? remembered : isr.keyOf(pathOf(request, uri), query);
    if (key == null || !key.cacheable()) {
      chain.doFilter(request, response);
      return;
    }
    Served served = isr.serve(key);
    isr.write(served, request, response);
    if (served.namesAPage() && remembered == null && query == null) {
      remember(uri, key);
    }
  }

  // Only paths that named a page: made-up ids leave no trace.
  private void remember(String path, PageKey key) {
    if (path.length() <= MAX_REMEMBERED_URI_LENGTH) {
      keysByPath.put(path, key);
    }
  }

  private static String pathOf(HttpServletRequest request, String uri) {
    return uri.substring(request.getContextPath().length());
  }

  /** Paths whose key is remembered now (tests). */
  long rememberedKeys() {
    keysByPath.cleanUp();
    return keysByPath.estimatedSize();
  }
}
