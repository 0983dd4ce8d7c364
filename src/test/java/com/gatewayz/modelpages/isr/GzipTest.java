package com.gatewayz.modelpages.isr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The stored gzip is a standard gzip member, whichever pooled deflater wrote it. */
class GzipTest {

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 100, 8191, 8192, 8193, 70_000})
  void whatItCompressesAnyGzipReaderInflatesToTheSameBytes(int size) throws IOException {
    byte[] body = body(size, size);

    byte[] gzip = Gzip.compress(body);

    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
      assertThat(in.readAllBytes()).isEqualTo(body);
    }
    assertThat(Gzip.decompress(gzip, body.length)).isEqualTo(body);
  }

  @Test
  void pagesCompressedOneAfterTheOtherDoNotLeakIntoEachOther() throws IOException {
    byte[] first = "<html>first page</html>".repeat(500).getBytes(StandardCharsets.UTF_8);
    byte[] second = body(3_000, 7);

    Gzip.compress(first);
    byte[] gzip = Gzip.compress(second);

    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
      assertThat(in.readAllBytes()).isEqualTo(second);
    }
  }

  @Test
  void aBoundedNumberOfDeflatersStaysIdle() {
    Deflaters pool = new Deflaters();
    var taken = new java.util.ArrayList<java.util.zip.Deflater>();
    for (int i = 0; i < Deflaters.MAX_IDLE + 3; i++) {
      taken.add(pool.take());
    }
    taken.forEach(pool::give);

    assertThat(pool.idleCount()).isEqualTo(Deflaters.MAX_IDLE);
    assertThat(pool.take()).isIn(taken);
  }

  // Half text that compresses, half random bytes that do not.
  private static byte[] body(int size, long seed) {
    byte[] body = new byte[size];
    new Random(seed).nextBytes(body);
    byte[] text = "<p>model page</p>".getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < size / 2; i++) {
      body[i] = text[i % text.length];
    }
    return body;
  }
}
