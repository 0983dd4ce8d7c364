package com.gatewayz.modelpages.isr;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;

/** Compresses a page once at render; inflates it for the rare client without gzip. */
final class Gzip {

  static final int BUFFER_BYTES = 8192;

  // Magic, deflate, no flags, no time, no extra flags, OS unknown (RFC 1952).
  private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 255};
  private static final Deflaters DEFLATERS = new Deflaters();

  private Gzip() {}

  /**
   * The gzip member of {@code body}: the header, the deflate stream at the default level (what
   * {@link java.util.zip.GZIPOutputStream} writes) and the CRC-32 and length trailer.
   */
  static byte[] compress(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, body.length / 4));
    out.write(HEADER, 0, HEADER.length);
    Deflater deflater = DEFLATERS.take();
    try {
      deflater.setInput(body);
      deflater.finish();
      byte[] buffer = new byte[BUFFER_BYTES];
      while (!deflater.finished()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
    } finally {
      DEFLATERS.give(deflater);
    }
    CRC32 crc = new CRC32();
    crc.update(body);
    writeIntLittleEndian(out, (int) crc.getValue());
    writeIntLittleEndian(out, body.length);
    return out.toByteArray();
  }

  private static void writeIntLittleEndian(ByteArrayOutputStream out, int value) {
    for (int shift = 0; shift < 32; shift += 8) {
      out.write(value >>> shift);
    }
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
