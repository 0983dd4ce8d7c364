package com.gatewayz.modelpages.isr;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** Compresses a page once at render; inflates it for the rare client without gzip. */
final class Gzip {

  static final int BUFFER_BYTES = 8192;

  private Gzip() {}

  static byte[] compress(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, body.length / 4));
    try (GZIPOutputStream gzip = new GZIPOutputStream(out, 8192)) {
      gzip.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] decompress(byte[] gzipBody, int identityLength) {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipBody))) {
      byte[] body = in.readNBytes(identityLength);
      if (body.length != identityLength) {
        throw new IOException("gzip body is shorter than its recorded length");
      }
      return body;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Inflates through one {@value #BUFFER_BYTES}-byte buffer into {@code out}: no whole-body copy.
   */
  static void inflateTo(byte[] gzipBody, OutputStream out) throws IOException {
    try (GZIPInputStream in =
        new GZIPInputStream(new ByteArrayInputStream(gzipBody), BUFFER_BYTES)) {
      byte[] buffer = new byte[BUFFER_BYTES];
      for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
        out.write(buffer, 0, read);
      }
    }
  }
}
