package com.gatewayz.modelpages.isr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdentityBodiesTest {

  /** Keeps every array written to it, and the bytes. */
  private static final class RecordingStream extends OutputStream {
    final List<byte[]> arrays = new ArrayList<>();
    final List<Integer> lengths = new ArrayList<>();
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @Override
    public void write(int b) {
      lengths.add(1);
      bytes.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      arrays.add(b);
      lengths.add(len);
      bytes.write(b, off, len);
    }
  }

  private static CachedPage page(String key, int size) {
    String text = (key + " ").repeat(size / (key.length() + 1) + 1).substring(0, size);
    RenderedPage rendered = RenderedPage.html(200, text.getBytes(StandardCharsets.UTF_8), Set.of());
    return CachedPage.of(key, rendered, new String[0], 1, 0, 0);
  }

  @Test
  void aSmallPageIsInflatedOnceAndThenServedFromItsCopy() throws IOException {
    IdentityBodies bodies = new IdentityBodies(IdentityBodies.DEFAULT_MAX_BYTES);
    CachedPage page = page("/models/a", 20_000);
    RecordingStream first = new RecordingStream();
    RecordingStream second = new RecordingStream();

    bodies.write(page, first);
    bodies.write(page, second);

    assertThat(second.bytes.toByteArray()).isEqualTo(page.identityBody());
    assertThat(second.arrays).hasSize(1);
    assertThat(second.arrays.get(0))
        .as("the same copy, not a new inflation")
        .isSameAs(first.arrays.get(0));
    assertThat(bodies.heldBytes()).isEqualTo(20_000);
  }

  @Test
  void anEntryReachesItsCopyWithoutALookup() throws IOException {
    IdentityBodies bodies = new IdentityBodies(IdentityBodies.DEFAULT_MAX_BYTES);
    CachedPage page = page("/models/a", 5_000);
    RecordingStream out = new RecordingStream();

    for (int i = 0; i <= IdentityBodies.USE_SAMPLE; i++) {
      bodies.write(page, out);
    }

    assertThat(page.identityCopy.get()).isSameAs(out.arrays.get(0));
    assertThat(out.arrays).allSatisfy(array -> assertThat(array).isSameAs(out.arrays.get(0)));
    assertThat(bodies.heldBytes()).isEqualTo(5_000);
  }

  @Test
  void aLargePageIsStreamedThroughAFixedBufferAndNeverHeldWhole() throws IOException {
    IdentityBodies bodies = new IdentityBodies(IdentityBodies.DEFAULT_MAX_BYTES);
    CachedPage page = page("/sitemap.xml", IdentityBodies.MAX_COPIED_BYTES + 1);
    RecordingStream out = new RecordingStream();

    bodies.write(page, out);

    assertThat(out.bytes.toByteArray()).isEqualTo(page.identityBody());
    assertThat(out.lengths)
        .allSatisfy(length -> assertThat(length).isLessThanOrEqualTo(Gzip.BUFFER_BYTES));
    assertThat(bodies.heldBytes()).isZero();
  }

  @Test
  void copiesTakeAtMostTheirBudget() throws IOException {
    IdentityBodies bodies = new IdentityBodies(64 * 1024);

    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < 30; i++) {
        CachedPage page = page("/models/m" + i, 10_000);
        RecordingStream out = new RecordingStream();
        bodies.write(page, out);
        assertThat(out.bytes.toByteArray()).isEqualTo(page.identityBody());
      }
    }

    assertThat(bodies.heldBytes()).isBetween(10_000L, 64L * 1024);
  }
}
