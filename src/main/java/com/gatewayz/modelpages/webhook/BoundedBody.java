package com.gatewayz.modelpages.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * Reads a request body up to a limit. Stateless, thread-safe.
 *
 * <p>At most {@code maxBytes + 1} bytes are read: the one byte past the limit proves the body is
 * too large, and the rest is left unread. The buffer grows by doubling but never beyond {@code
 * maxBytes}, so a sender cannot make the server allocate more than the limit (plus the final
 * right-sized copy).
 */
public final class BoundedBody {

  /** The largest limit {@link #read} accepts: the largest array a JVM reliably allocates. */
  public static final long MAX_LIMIT = Integer.MAX_VALUE - 8;

  private static final int INITIAL_CAPACITY = 8192;

  private BoundedBody() {}

  /**
   * The whole body of {@code in}, which is not closed.
   *
   * @throws TooLargeException as soon as more than {@code maxBytes} bytes arrive
   * @throws IOException when reading fails
   * @throws IllegalArgumentException when {@code maxBytes} is negative or above {@link #MAX_LIMIT}
   */
  public static byte[] read(InputStream in, long maxBytes) throws IOException {
    Objects.requireNonNull(in, "in");
    if (maxBytes < 0 || maxBytes > MAX_LIMIT) {
      throw new IllegalArgumentException("maxBytes must be between 0 and " + MAX_LIMIT);
    }
    int limit = (int) maxBytes;
    byte[] data = new byte[Math.min(limit, INITIAL_CAPACITY)];
    int size = 0;
    while (true) {
      if (size == data.length) {
        if (size == limit) {
          return endAtLimit(in, data, maxBytes);
        }
        data = Arrays.copyOf(data, (int) Math.min(limit, 2L * size));
      }
      int n = in.read(data, size, data.length - size);
      if (n < 0) {
        return size == data.length ? data : Arrays.copyOf(data, size);
      }
      size += n;
    }
  }

  // The buffer holds exactly the limit: one more byte means the body is too large.
  private static byte[] endAtLimit(InputStream in, byte[] data, long maxBytes) throws IOException {
    if (in.read() >= 0) {
      throw new TooLargeException(maxBytes);
    }
    return data;
  }
}
