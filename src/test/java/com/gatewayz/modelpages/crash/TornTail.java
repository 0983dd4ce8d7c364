package com.gatewayz.modelpages.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * What a power loss during an append leaves and a kill -9 cannot (a process's finished writes
 * survive it): the start of a journal line without its end, cut at a random byte, often inside a
 * multi-byte character. Added only after a kill, so it stands for a change that was never
 * acknowledged: the next start must drop it and keep every line before it, and the changes
 * acknowledged after that start must survive the next one.
 */
final class TornTail {

  static final String JOURNAL = "catalog.journal";
  private static final byte[] LINE =
      ("{\"put\":{\"xai\":[{\"id\":\"crashlab/torn\",\"name\":\"Torn — 模型 ✓\","
              + "\"pricing\":{\"prompt\":\"0.000001\"}}]}}")
          .getBytes(StandardCharsets.UTF_8);

  private TornTail() {}

  // A length that ends after the first byte of a multi-byte character (a continuation byte
  // follows).
  private static int insideACharacter(Random random) {
    int[] cuts = IntStream.range(1, LINE.length).filter(i -> (LINE[i] & 0xC0) == 0x80).toArray();
    return cuts[random.nextInt(cuts.length)];
  }

  /** Appends a torn line to the journal in {@code dataDir} if there is one; true if it did. */
  static boolean tear(Path dataDir, Random random) {
    Path journal = dataDir.resolve(JOURNAL);
    if (!Files.exists(journal)) {
      return false;
    }
    byte[] torn =
        Arrays.copyOf(
            LINE,
            random.nextBoolean() ? insideACharacter(random) : 1 + random.nextInt(LINE.length - 1));
    try {
      Files.write(journal, torn, StandardOpenOption.APPEND);
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
