package com.gatewayz.modelpages.isr;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Writes a cached page with the cache headers: {@code X-Cache}, {@code Cache-Control}, {@code
 * Vary}, an ETag per encoding, {@code Age}, {@code Surrogate-Key} and {@code Cache-Tag} (see {@link
 * EdgeKeys}); answers {@code If-None-Match} with 304 and HEAD without a body. The stored gzip bytes
 * go out in one write; clients without gzip get an identity copy or a streamed inflation ({@link
 * IdentityBodies}). The one writer of pages: uncached ones (404 and 503 pages of the engine, the
 * origin servlet's pages) go out through {@link #writeUncached}.
 */
public final class PageWriter {

  static final int MAX_REMEMBERED_ENCODINGS = 256;
  private static final String RETRY_AFTER_SECONDS = "30";
  private static final String NOT_FOUND_CACHE_CONTROL = "public, s-maxage=60";

  private final String defaultCacheControl;
  private final IdentityBodies identityBodies;
  // Clients send few distinct Accept-Encoding values: parse each once, not per request. Bounded,
  // the least used evicted first, so made-up values cannot crowd out the common ones.
  private final Cache<String, Boolean> gzipByHeader =
      Caffeine.newBuilder().maximumSize(MAX_REMEMBERED_ENCODINGS).executor(Runnable::run).build();

  PageWriter(int revalidateSeconds) {
    this(revalidateSeconds, IdentityBodies.DEFAULT_MAX_BYTES);
  }

  /**
   * @param identityCopyBytes the most memory identity copies of pages may take
   */
  PageWriter(int revalidateSeconds, long identityCopyBytes) {
    this.defaultCacheControl =
        "public, s-maxage=" + revalidateSeconds + ", stale-while-revalidate=31536000";
    this.identityBodies = new IdentityBodies(identityCopyBytes);
  }

  /** Writes what the engine served, with its {@code X-Cache} state. */
  void write(
      HttpServletRequest request, HttpServletResponse response, Served served, long nowMillis)
      throws IOException {
    switch (served.state()) {
      case NOT_FOUND ->
          writeError(request, response, served.uncached(), 404, NOT_FOUND_CACHE_CONTROL);
      case UNAVAILABLE -> {
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        writeError(request, response, served.uncached(), 503, "no-store");
      }
      default -> write(request, response, served.page(), served.state().name(), nowMillis);
    }
  }

  void write(
      HttpServletRequest request,
      HttpServletResponse response,
      CachedPage page,
      String cacheState,
      long nowMillis)
      throws IOException {
    boolean gzip = takesGzip(request.getHeader("Accept-Encoding"));
    String etag = gzip ? page.gzipEtag() : page.identityEtag();
    // Written once per request (the filter runs on REQUEST dispatches): add, not set, spares the
    // search of the headers already there on every HIT.
    response.addHeader("X-Cache", cacheState);
    response.addHeader("Cache-Control", cacheControl(page));
    response.addHeader("Vary", "Accept-Encoding");
    response.addHeader("ETag", etag);
    response.addHeader(
        "Age", Long.toString(Math.max(0, (nowMillis - page.renderedAtMillis()) / 1000)));
    response.addHeader("Surrogate-Key", page.surrogateKey());
    writeCacheTag(response, page.cacheTag());
    if (page.location() != null) {
      response.addHeader("Location", page.location());
    }
    if (page.status() == 200 && ETags.matches(request.getHeader("If-None-Match"), etag)) {
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return;
    }
    response.setStatus(page.status());
    response.setContentType(page.contentType());
    writeBody(request, response, page, gzip);
  }

  // Cloudflare stores a page only under names a purge can reach (EdgeKeys).
  private static void writeCacheTag(HttpServletResponse response, String cacheTag) {
    if (cacheTag != null) {
      response.addHeader("Cache-Tag", cacheTag);
    } else {
      response.addHeader("Cloudflare-CDN-Cache-Control", "no-store");
    }
  }

  private void writeBody(
      HttpServletRequest request, HttpServletResponse response, CachedPage page, boolean gzip)
      throws IOException {
    boolean head = "HEAD".equals(request.getMethod());
    if (gzip) {
      response.addHeader("Content-Encoding", "gzip");
      response.setContentLength(page.gzipLength());
      if (!head) {
        response.getOutputStream().write(page.gzipBody());
      }
    } else {
      response.setContentLength(page.identityLength());
      if (!head) {
        identityBodies.write(page, response.getOutputStream());
      }
    }
  }

  private String cacheControl(CachedPage page) {
    String own = page.ownCacheControl();
    return own != null ? own : defaultCacheControl;
  }

  // A page the renderer could not render is a short text, never cached.
  private static void writeError(
      HttpServletRequest request,
      HttpServletResponse response,
      RenderedPage page,
      int status,
      String cacheControl)
      throws IOException {
    if (page == null) {
      String text =
          status == 404 ? "Not found" : "This page is being regenerated. Please retry in a moment.";
      writeUncached(request, response, Serving.plain(status, text), "no-store");
      return;
    }
    response.setHeader("X-Cache", "MISS");
    writeUncached(request, response, page, cacheControl);
  }

  /**
   * Writes a page that is not (or may not be) cached, with {@code cacheControl}: the status, the
   * content type and length, and the body unless the request is a HEAD.
   */
  public static void writeUncached(
      HttpServletRequest request,
      HttpServletResponse response,
      RenderedPage page,
      String cacheControl)
      throws IOException {
    response.setHeader("Cache-Control", cacheControl);
    response.setStatus(page.status());
    response.setContentType(page.contentType());
    response.setContentLength(page.body().length);
    if (!"HEAD".equals(request.getMethod())) {
      response.getOutputStream().write(page.body());
    }
  }

  private boolean takesGzip(String acceptEncoding) {
    if (acceptEncoding == null) {
      return false;
    }
    Boolean known = gzipByHeader.getIfPresent(acceptEncoding);
    if (known != null) {
      return known;
    }
    boolean parsed = acceptsGzip(acceptEncoding);
    gzipByHeader.put(acceptEncoding, parsed);
    return parsed;
  }

  /** Whether this header's parse is remembered (tests). */
  boolean remembersEncoding(String acceptEncoding) {
    return gzipByHeader.getIfPresent(acceptEncoding) != null;
  }

  /** Headers whose parse is remembered now (tests). */
  long rememberedEncodings() {
    gzipByHeader.cleanUp();
    return gzipByHeader.estimatedSize();
  }

  /** True when the client takes gzip: a {@code gzip} or {@code *} coding whose q is not 0. */
  static boolean acceptsGzip(String acceptEncoding) {
    if (acceptEncoding == null) {
      return false;
    }
    for (String coding : acceptEncoding.split(",")) {
      String[] parts = coding.split(";");
      String name = parts[0].trim();
      if ((name.equalsIgnoreCase("gzip") || name.equals("*")) && !isZeroQuality(parts)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isZeroQuality(String[] parts) {
    for (int i = 1; i < parts.length; i++) {
      String parameter = parts[i].trim();
      if (parameter.startsWith("q=") || parameter.startsWith("Q=")) {
        try {
          return Double.parseDouble(parameter.substring(2).trim()) == 0;
        } catch (NumberFormatException e) {
          return true;
        }
      }
    }
    return false;
  }
}
