package com.gatewayz.modelpages.webhook;

import java.util.Arrays;
import java.util.Objects;

/**
 * A request body collected up to a limit as its parts arrive. Not thread-safe: one per request.
 *
 * <p>The part that would carry the body past the limit is refused whole, so nothing past the limit
 * is ever kept and the caller stops reading there. The buffer grows by doubling but never beyond
 * the limit, whatever length the sender declared, so a sender cannot make the server allocate more
 * than the limit (plus the final right-sized copy).
 */
final class BoundedBody {

  /** The largest limit accepted: the largest array a JVM reliably allocates. */
  public static final long MAX_LIMIT = Integer.MAX_VALUE - 8;

  private static final int INITIAL_CAPACITY = 8192;

  private final long maxBytes;
  private byte[] data;
  private int size;

  /**
   * An empty body that may grow to {@code maxBytes}.
   *
   * @throws IllegalArgumentException when {@code maxBytes} is negative or above {@link #MAX_LIMIT}
   */
  public BoundedBody(long maxBytes) {
    if (maxBytes < 0 || maxBytes > MAX_LIMIT) {
      throw new IllegalArgumentException("maxBytes must be between 0 and " + MAX_LIMIT);
    }
    this.maxBytes = maxBytes;
    this.data = new byte[(int) Math.min(maxBytes, INITIAL_CAPACITY)];
  }

  /**
   * Appends {@code length} bytes of {@code bytes} from {@code offset}.
   *
   * @throws TooLargeException when the body would then be longer than the limit; nothing is kept
   */
  public void append(byte[] bytes, int offset, int length) throws TooLargeException {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    if (length > maxBytes - size) {
      throw new TooLargeException(maxBytes);
    }
    if (size + length > data.length) {
      long wanted = Math.max(size + length, 2L * data.length);
      data = Arrays.copyOf(data, (int) Math.min(maxBytes, wanted));
    }
    System.arraycopy(bytes, offset, data, size, length);
    size += length;
  }

  /** How many bytes were appended. */
  public int size() {
    return size;
  }

  /** A copy of the bytes appended so far. */
  public byte[] toByteArray() {
    return size == data.length ? data.clone() : Arrays.copyOf(data, size);
  }
}
