package com.gatewayz.modelpages.gateway;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes read through it and fails with {@link ResponseTooLargeException} as soon as they
 * pass the limit, so an endless body costs at most the limit. Not thread-safe.
 */
final class BoundedInputStream extends FilterInputStream {

  private final long limit;
  private long count;

  BoundedInputStream(InputStream in, long limit) {
    super(in);
    this.limit = limit;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      count(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      count(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    count(skipped);
    return skipped;
  }

  private void count(long n) throws ResponseTooLargeException {
    count += n;
    if (count > limit) {
      throw new ResponseTooLargeException(limit);
    }
  }
}
