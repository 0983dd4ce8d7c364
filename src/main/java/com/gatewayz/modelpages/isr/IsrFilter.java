package com.gatewayz.modelpages.isr;

import com.gatewayz.modelpages.platform.ServiceRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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

  // Bounds the memo whatever paths visitors make up: at most 20,000 paths of 256 characters.
  private static final int MAX_REMEMBERED_KEYS = 20_000;
  private static final int MAX_REMEMBERED_URI_LENGTH = 256;

  private transient Isr isr;
  private transient PageWriter writer;
  // The key of a path without a query is a pure function of it: worked out once per path.
  private final transient ConcurrentHashMap<String, PageKey> keysByPath = new ConcurrentHashMap<>();

  public IsrFilter() {}

  /** For embedding without web.xml (tests). */
  public IsrFilter(Isr isr) {
    this.isr = isr;
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
    PageKey key = "GET".equals(method) || "HEAD".equals(method) ? keyOf(request) : null;
    if (key == null || !key.cacheable()) {
      chain.doFilter(request, response);
      return;
    }
    isr.views().viewed(key.value());
    serve(key, request, response);
  }

  private PageKey keyOf(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String query = request.getQueryString();
    if (query == null) {
      PageKey known = keysByPath.get(uri);
      if (known != null) {
        return known;
      }
    }
    PageKey key = isr.cache().renderer().keyOf(uri.substring(request.getContextPath().length()), query);
    if (query == null
        && key != null
        && uri.length() <= MAX_REMEMBERED_URI_LENGTH
        && keysByPath.size() < MAX_REMEMBERED_KEYS) {
      keysByPath.put(uri, key);
    }
    return key;
  }

  private void serve(PageKey key, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    PageCache cache = isr.cache();
    if (!cache.options().dynamicParams() && key.dynamic() && !cache.isPrerendered(key.value())) {
      writeNotFound(key, request, response);
      return;
    }
    Lookup lookup = cache.lookup(key.value());
    switch (lookup.state()) {
      case FRESH -> {
        cache.stats().hit();
        writer.write(request, response, lookup.page(), "HIT", cache.clock().millis());
      }
      case STALE -> {
        cache.stats().stale();
        isr.regenerator().revalidateLater(key.value(), Revalidation.TIME);
        writer.write(request, response, lookup.page(), "STALE", cache.clock().millis());
      }
      case PURGED -> {
        cache.stats().revalidated(cache.purgeReason(lookup.page()));
        serveMiss(key, request, response);
      }
      default -> serveMiss(key, request, response);
    }
  }

  private void serveMiss(PageKey key, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    PageCache cache = isr.cache();
    cache.stats().miss();
    try {
      CachedPage page = renderValid(key.value());
      writer.write(request, response, page, "MISS", cache.clock().millis());
    } catch (RenderFailedException e) {
      LOG.log(Level.WARNING, "[ISR] " + e.getMessage());
      writeUnavailable(key, request, response);
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
