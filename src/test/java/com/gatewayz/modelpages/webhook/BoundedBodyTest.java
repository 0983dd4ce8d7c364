package com.gatewayz.modelpages.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BoundedBodyTest {

  private static byte[] bytes(int size) {
    byte[] data = new byte[size];
    for (int i = 0; i < size; i++) {
      data[i] = (byte) i;
    }
    return data;
  }

  /** Appends {@code body} in parts of at most {@code chunk} bytes, as a network read would. */
  private static BoundedBody collect(byte[] body, int chunk, long maxBytes)
      throws TooLargeException {
    BoundedBody collected = new BoundedBody(maxBytes);
    for (int offset = 0; offset < body.length; offset += chunk) {
      collected.append(body, offset, Math.min(chunk, body.length - offset));
    }
    return collected;
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 100, 8191, 8192, 8193, 100_000})
  void collectsBodiesUpToTheLimit(int size) throws TooLargeException {
    byte[] body = bytes(size);

    assertThat(collect(body, 5_000, 100_000).toByteArray()).isEqualTo(body);
  }

  @Test
  void aBodyOfExactlyTheLimitIsAccepted() throws TooLargeException {
    byte[] body = bytes(5_000_000);

    BoundedBody collected = collect(body, 65_536, body.length);

    assertThat(collected.size()).isEqualTo(body.length);
    assertThat(collected.toByteArray()).isEqualTo(body);
  }

  @Test
  void oneByteOverTheLimitIsRejectedAndNotKept() throws TooLargeException {
    BoundedBody collected = collect(bytes(1000), 300, 1000);

    assertThatThrownBy(() -> collected.append(new byte[] {42}, 0, 1))
        .isInstanceOf(TooLargeException.class)
        .hasMessage("body larger than 1000 bytes")
        .satisfies(e -> assertThat(((TooLargeException) e).maxBytes()).isEqualTo(1000));
    assertThat(collected.size()).isEqualTo(1000);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 1000, 65_536})
  void anEndlessBodyIsRefusedAtThePartThatCrossesTheLimit(int chunk) {
    int limit = 4 * 1024 * 1024;
    BoundedBody collected = new BoundedBody(limit);
    byte[] part = new byte[chunk];
    Arrays.fill(part, (byte) 'x');

    assertThatThrownBy(
            () -> {
              while (true) {
                collected.append(part, 0, part.length);
              }
            })
        .isInstanceOf(TooLargeException.class);
    assertThat(collected.size()).isLessThanOrEqualTo(limit).isGreaterThan(limit - chunk);
  }

  @Test
  void aZeroLimitAcceptsOnlyAnEmptyBody() throws TooLargeException {
    assertThat(collect(new byte[0], 1, 0).toByteArray()).isEmpty();
    assertThatThrownBy(() -> collect(new byte[1], 1, 0)).isInstanceOf(TooLargeException.class);
  }

  @Test
  void collectsABodyThatArrivesByteByByte() throws TooLargeException {
    byte[] body = bytes(20_000);

    assertThat(collect(body, 1, 20_000).toByteArray()).isEqualTo(body);
  }

  @Test
  void rejectsImpossibleLimitsAndParts() {
    assertThatThrownBy(() -> new BoundedBody(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BoundedBody(Long.MAX_VALUE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BoundedBody(10).append(new byte[4], 2, 3))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }
}
