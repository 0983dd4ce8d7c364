package com.gatewayz.modelpages.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BoundedBodyTest {

  /** An endless body that counts what was read from it, at most {@code chunk} bytes per read. */
  private static final class EndlessBody extends InputStream {
    private final int chunk;
    long consumed;

    EndlessBody(int chunk) {
      this.chunk = chunk;
    }

    @Override
    public int read() {
      consumed++;
      return 'x';
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      int n = Math.min(length, chunk);
      Arrays.fill(buffer, offset, offset + n, (byte) 'x');
      consumed += n;
      return n;
    }
  }

  private static byte[] bytes(int size) {
    byte[] data = new byte[size];
    for (int i = 0; i < size; i++) {
      data[i] = (byte) i;
    }
    return data;
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 100, 8191, 8192, 8193, 100_000})
  void readsBodiesUpToTheLimit(int size) throws IOException {
    byte[] body = bytes(size);

    assertThat(BoundedBody.read(new ByteArrayInputStream(body), 100_000)).isEqualTo(body);
  }

  @Test
  void aBodyOfExactlyTheLimitIsAccepted() throws IOException {
    byte[] body = bytes(5_000_000);

    byte[] read = BoundedBody.read(new ByteArrayInputStream(body), body.length);

    assertThat(read).isEqualTo(body);
  }

  @Test
  void oneByteOverTheLimitIsRejected() {
    assertThatThrownBy(() -> BoundedBody.read(new ByteArrayInputStream(bytes(1001)), 1000))
        .isInstanceOf(TooLargeException.class)
        .hasMessage("body larger than 1000 bytes")
        .satisfies(e -> assertThat(((TooLargeException) e).maxBytes()).isEqualTo(1000));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 1000, 65_536})
  void stopsReadingAnEndlessBodyRightAfterTheLimit(int chunk) {
    EndlessBody endless = new EndlessBody(chunk);

    assertThatThrownBy(() -> BoundedBody.read(endless, 4 * 1024 * 1024))
        .isInstanceOf(TooLargeException.class);
    assertThat(endless.consumed).isEqualTo(4 * 1024 * 1024 + 1);
  }

  @Test
  void aZeroLimitAcceptsOnlyAnEmptyBody() throws IOException {
    assertThat(BoundedBody.read(new ByteArrayInputStream(new byte[0]), 0)).isEmpty();
    assertThatThrownBy(() -> BoundedBody.read(new ByteArrayInputStream(new byte[1]), 0))
        .isInstanceOf(TooLargeException.class);
  }

  @Test
  void readsABodyThatArrivesByteByByte() throws IOException {
    byte[] body = bytes(20_000);
    InputStream trickle =
        new FilterInputStream(new ByteArrayInputStream(body)) {
          @Override
          public int read(byte[] buffer, int offset, int length) throws IOException {
            return super.read(buffer, offset, Math.min(length, 1));
          }
        };

    assertThat(BoundedBody.read(trickle, 20_000)).isEqualTo(body);
  }

  @Test
  void rejectsImpossibleLimits() {
    InputStream in = new ByteArrayInputStream(new byte[0]);

    assertThatThrownBy(() -> BoundedBody.read(in, -1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BoundedBody.read(in, Long.MAX_VALUE))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
