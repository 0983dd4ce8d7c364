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
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Serves pages from the cache (mapped in web.xml on the page paths, REQUEST dispatch). GET and HEAD
 * of a cacheable key: a fresh entry is a HIT, an old one is served STALE while one background
 * render replaces it, anything else is rendered now (one render for all concurrent requests) and
 * stored: a MISS. Everything else goes down the chain to the page servlet, uncached.
 */
public class IsrFilter extends HttpFilter {

  private static final Logger LOG = Logger.getLogger(IsrFilter.class.getName());
  private static final int MAX_SERVE_ATTEMPTS = 3;
  private static final String RETRY_AFTER_SECONDS = "30";

  // Bounds the memo whatever paths visitors make up: at most 20,000 paths of 256 characters, the
  // least used evicted first; only paths that named a page are remembered.
  static final int MAX_REMEMBERED_KEYS = 20_000;
  private static final int MAX_REMEMBERED_URI_LENGTH = 256;

  private transient Isr isr;
  private transient PageWriter writer;
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
    this.keysByPath = Caffeine.newBuilder().maximumSize(maxRememberedKeys).executor(Runnable::run).build();
  }

  @Override
  public void init(FilterConfig config) throws ServletException {
    super.init(config);
    if (isr == null) {
      isr = ServiceRegistry.from(config.getServletContext()).get(Isr.class);
    }
    writer = new PageWriter(isr.cache().options().revalidateSeconds());
  }

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String method = request.getMethod();
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      chain.doFilter(request, response);
      return;
    }
    String uri = request.getRequestURI();
    String query = request.getQueryString();
    PageKey remembered = query == null ? keysByPath.getIfPresent(uri) : null;
    PageKey key = remembered != null ? remembered : isr.cache().renderer().keyOf(pathOf(request, uri), query);
    if (key == null || !key.cacheable()) {
      chain.doFilter(request, response);
      return;
    }
    CachedPage served = serve(key, request, response);
    if (served != null && served.status() != HttpServletResponse.SC_NOT_FOUND) {
      pageExists(key, remembered == null && query == null ? uri : null);
    }
  }

  // Views and the path memo only for keys that named a page: made-up ids leave no trace.
  private void pageExists(PageKey key, String newPath) {
    isr.viewed(key.value());
    if (newPath != null && newPath.length() <= MAX_REMEMBERED_URI_LENGTH) {
      keysByPath.put(newPath, key);
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

  // Returns the page written, or null when none was (404 with dynamic params off, 503).
  private CachedPage serve(PageKey key, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    PageCache cache = isr.cache();
    if (!cache.options().dynamicParams() && key.dynamic() && !cache.isPrerendered(key.value())) {
      writeNotFound(key, request, response);
      return null;
    }
    Lookup lookup = cache.lookup(key.value());
    switch (lookup.state()) {
      case FRESH -> {
        cache.stats().hit();
        writer.write(request, response, lookup.page(), "HIT", cache.clock().millis());
      }
      case NOT_FOUND -> writer.write(request, response, lookup.page(), "HIT", cache.clock().millis());
      case STALE -> {
        cache.stats().stale();
        isr.regenerator().revalidateLater(key.value(), Revalidation.TIME);
        writer.write(request, response, lookup.page(), "STALE", cache.clock().millis());
      }
      case PURGED -> {
        cache.stats().revalidated(cache.purgeReason(lookup.page()));
        return serveMiss(key, request, response);
      }
      default -> {
        return serveMiss(key, request, response);
      }
    }
    return lookup.page();
  }

  private CachedPage serveMiss(PageKey key, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    PageCache cache = isr.cache();
    cache.stats().miss();
    try {
      CachedPage page = renderValid(key.value());
      writer.write(request, response, page, "MISS", cache.clock().millis());
      return page;
    } catch (RenderFailedException e) {
      LOG.log(Level.WARNING, "[ISR] " + e.getMessage());
      writeUnavailable(key, request, response);
      return null;
    }
  }

  // A render handed over by another request may have been overtaken by a purge since: render again.
  private CachedPage renderValid(String key) throws RenderFailedException {
    for (int attempt = 1; attempt <= MAX_SERVE_ATTEMPTS; attempt++) {
      CachedPage page = isr.regenerator().renderForRequest(key);
      if (isr.cache().isValid(page)) {
        return page;
      }
    }
    throw new RenderFailedException(key, "purged while " + MAX_SERVE_ATTEMPTS + " renders ran");
  }

  private void writeNotFound(PageKey key, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    try {
      RenderedPage page = isr.cache().renderer().renderNotFound(key.value());
      PageWriter.writeUncached(request, response, page, "public, s-maxage=60");
    } catch (Exception e) {
      LOG.log(Level.WARNING, "[ISR] not-found page for " + key.value() + " failed", e);
      writePlain(response, 404, "Not found");
    }
  }

  private void writeUnavailable(PageKey key, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
    try {
      RenderedPage page = isr.cache().renderer().renderError(503, key.value());
      PageWriter.writeUncached(
          request,
          response,
          new RenderedPage(503, page.contentType(), page.body(), Set.of(), 0, null),
          "no-store");
    } catch (Exception e) {
      writePlain(response, 503, "This page is being regenerated. Please retry in a moment.");
    }
  }

  private static void writePlain(HttpServletResponse response, int status, String text)
      throws IOException {
    response.setStatus(status);
    response.setHeader("Cache-Control", "no-store");
    response.setContentType("text/plain;charset=UTF-8");
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
