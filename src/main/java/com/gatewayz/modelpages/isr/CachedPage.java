package com.gatewayz.modelpages.isr;

import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * One cache entry: the gzip body of a render and what the cache needs to serve and validate it.
 * Immutable except for two memos: {@link #validatedVersion}, the last tag-clock version this entry
 * was checked against, which makes the hit path's validity check one volatile read; and {@link
 * #identityCopy}, a weak reference to the inflated body that {@link IdentityBodies} holds, so an
 * identity hit of a heap-tier entry needs no lookup.
 */
final class CachedPage {

  private final String key;
  private final String path;
  private final int status;
  private final String contentType;
  private final String location;
  private final byte[] gzipBody;
  private final int identityLength;
  private final String hash;
  private final String[] tags;
  private final long renderTick;
  private final long renderedAtMillis;
  private final long renderNanos;
  private final int maxAgeSeconds;

  // Derived once per entry so the hit path builds no strings.
  private final String gzipEtag;
  private final String identityEtag;
  private final String surrogateKey;
  private final String cacheTag;
  private final String ownCacheControl;

  volatile long validatedVersion = -1;
  volatile WeakReference<byte[]> identityCopy;
  int identityReads;

  CachedPage(
      String key,
      int status,
      String contentType,
      String location,
      byte[] gzipBody,
      int identityLength,
      String hash,
      String[] tags,
      long renderTick,
      long renderedAtMillis,
      long renderNanos,
      int maxAgeSeconds) {
    this.key = key;
    this.path = PageKey.pathOf(key);
    this.status = status;
    this.contentType = contentType;
    this.location = location;
    this.gzipBody = gzipBody;
    this.identityLength = identityLength;
    this.hash = hash;
    this.tags = tags;
    this.renderTick = renderTick;
    this.renderedAtMillis = renderedAtMillis;
    this.renderNanos = renderNanos;
    this.maxAgeSeconds = maxAgeSeconds;
    this.gzipEtag = "\"" + hash + "-gz\"";
    this.identityEtag = "\"" + hash + "\"";
    java.util.List<String> edgeNames = EdgeKeys.of(tags, path);
    this.surrogateKey = EdgeKeys.surrogateKey(edgeNames);
    this.cacheTag = EdgeKeys.cacheTag(edgeNames);
    this.ownCacheControl = maxAgeSeconds > 0 ? "public, s-maxage=" + maxAgeSeconds : null;
  }

  /** Builds an entry from a render that started at {@code renderTick} on the tag clock. */
  static CachedPage of(
      String key,
      RenderedPage page,
      String[] tags,
      long renderTick,
      long renderedAtMillis,
      long renderNanos) {
    byte[] body = page.body();
    return new CachedPage(
        key,
        page.status(),
        page.contentType(),
        page.location(),
        Gzip.compress(body),
        body.length,
        hash(body),
        tags,
        renderTick,
        renderedAtMillis,
        renderNanos,
        page.maxAgeSeconds());
  }

  static String hash(byte[] body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
      return HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  public String key() {
    return key;
  }

  public String path() {
    return path;
  }

  public int status() {
    return status;
  }

  public String contentType() {
    return contentType;
  }

  public String location() {
    return location;
  }

  /** The stored gzip bytes; callers must not modify them. */
  byte[] gzipBody() {
    return gzipBody;
  }

  public int gzipLength() {
    return gzipBody.length;
  }

  public int identityLength() {
    return identityLength;
  }

  /** The identity body, inflated from the gzip. */
  public byte[] identityBody() {
    return Gzip.decompress(gzipBody, identityLength);
  }

  public String hash() {
    return hash;
  }

  String[] tagArray() {
    return tags;
  }

  public java.util.List<String> tags() {
    return Arrays.asList(tags.clone());
  }

  public long renderTick() {
    return renderTick;
  }

  public long renderedAtMillis() {
    return renderedAtMillis;
  }

  public long renderNanos() {
    return renderNanos;
  }

  public int maxAgeSeconds() {
    return maxAgeSeconds;
  }

  String gzipEtag() {
    return gzipEtag;
  }

  String identityEtag() {
    return identityEtag;
  }

  String surrogateKey() {
    return surrogateKey;
  }

  /** Cloudflare's {@code Cache-Tag} value; null when the names do not fit its limits. */
  String cacheTag() {
    return cacheTag;
  }

  /** The entry's own {@code Cache-Control} when it has a max age of its own, else null. */
  String ownCacheControl() {
    return ownCacheControl;
  }

  /** The identity body as text, for tests and diagnostics. */
  public String bodyText() {
    return new String(identityBody(), StandardCharsets.UTF_8);
  }
}
