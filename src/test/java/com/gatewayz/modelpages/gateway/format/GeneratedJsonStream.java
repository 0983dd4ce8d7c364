package com.gatewayz.modelpages.gateway.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;

/**
 * A JSON body made on the fly, one entry at a time: {@code prefix}, {@code count} entries joined by
 * commas, {@code suffix}. Never holds more than one entry, so a parser that reads it must stream.
 * Optionally fails with an {@link IOException} after a number of bytes, like a dropped connection.
 */
final class GeneratedJsonStream extends InputStream {

  private final int count;
  private final IntFunction<String> entry;
  private final String suffix;
  private final long failAfter;
  private byte[] chunk;
  private int position;
  private int next;
  private long served;
  private boolean done;

  GeneratedJsonStream(String prefix, int count, IntFunction<String> entry, String suffix) {
    this(prefix, count, entry, suffix, Long.MAX_VALUE);
  }

  GeneratedJsonStream(
      String prefix, int count, IntFunction<String> entry, String suffix, long failAfter) {
    this.count = count;
    this.entry = entry;
    this.suffix = suffix;
    this.failAfter = failAfter;
    this.chunk = prefix.getBytes(StandardCharsets.UTF_8);
  }

  long served() {
    return served;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (served >= failAfter) {
      throw new IOException("connection reset");
    }
    while (position == chunk.length) {
      if (done) {
        return -1;
      }
      refill();
    }
    int n = Math.min(length, chunk.length - position);
    System.arraycopy(chunk, position, buffer, offset, n);
    position += n;
    served += n;
    return n;
  }

  private void refill() {
    String text;
    if (next < count) {
      text = (next == 0 ? "" : ",") + entry.apply(next);
      next++;
    } else {
      text = suffix;
      done = true;
    }
    chunk = text.getBytes(StandardCharsets.UTF_8);
    position = 0;
  }
}
