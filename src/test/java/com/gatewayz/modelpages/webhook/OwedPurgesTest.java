package com.gatewayz.modelpages.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.isr.Invalidation;
import com.gatewayz.modelpages.testing.MutableClock;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The purges owed to webhook retries, kept in the data directory across restarts. */
class OwedPurgesTest {

  private static final byte[] BODY =
      "{\"event\":\"models.added\"}".getBytes(StandardCharsets.UTF_8);
  private static final byte[] OTHER =
      "{\"event\":\"models.removed\"}".getBytes(StandardCharsets.UTF_8);
  private static final Invalidation GROK =
      new Invalidation(List.of("model:xai/grok-3", "models:list"), List.of("/models/xai/grok-3"));
  private static final Invalidation LLAMA =
      new Invalidation(List.of("model:meta/llama-3"), List.of());
  private static final String KEY =
      "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

  @TempDir Path dataDir;
  private final MutableClock clock = MutableClock.atEpochSeconds(1_700_000_000L);
  private final LogCapture log = new LogCapture(OwedPurges.class);

  @BeforeEach
  void attach() {
    log.attach();
  }

  @AfterEach
  void detach() {
    log.detach();
  }

  private OwedPurges start() {
    return OwedPurges.storedIn(dataDir, clock);
  }

  private Path file() {
    return dataDir.resolve(OwedPurgesFile.NAME);
  }

  @Test
  void aDebtSurvivesARestartAndIsGoneFromTheFileOncePaid() {
    start().owe(BODY, GROK);

    OwedPurges restarted = start();
    assertThat(restarted.of(BODY)).isEqualTo(GROK);
    assertThat(restarted.of(OTHER)).isEqualTo(Invalidation.NOTHING);
    restarted.paid(BODY);

    assertThat(file()).doesNotExist();
    assertThat(start().of(BODY)).isEqualTo(Invalidation.NOTHING);
  }

  @Test
  void payingOneDebtKeepsTheOthersOnFile() {
    OwedPurges owed = start();
    owed.owe(BODY, GROK);
    owed.owe(OTHER, LLAMA);

    owed.paid(BODY);

    OwedPurges restarted = start();
    assertThat(restarted.of(BODY)).isEqualTo(Invalidation.NOTHING);
    assertThat(restarted.of(OTHER)).isEqualTo(LLAMA);
  }

  @Test
  void nothingIsWrittenWhileNothingChanges() throws IOException {
    OwedPurges owed = start();
    owed.paid(BODY);
    assertThat(file()).doesNotExist();
    owed.owe(BODY, GROK);
    Files.delete(file());

    owed.paid(OTHER);

    assertThat(file()).doesNotExist();
  }

  @Test
  void aFileOverTheBoundKeepsTheNewestDebts() {
    OwedPurges owed = OwedPurges.storedIn(dataDir, clock, 10);
    owed.owe(BODY, GROK);
    owed.owe(OTHER, LLAMA);

    OwedPurges restarted = OwedPurges.storedIn(dataDir, clock, 2);

    assertThat(restarted.of(BODY)).isEqualTo(Invalidation.NOTHING);
    assertThat(restarted.of(OTHER)).isEqualTo(LLAMA);
    assertThat(start().of(BODY)).isEqualTo(Invalidation.NOTHING);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{not json",
        "[]",
        "{\"format\":2,\"owed\":[]}",
        "{\"format\":1,\"owed\":\"everything\"}",
        "{\"format\":1,\"owed\":[7]}",
        "{\"format\":1,\"owed\":[{\"body\":\"" + KEY + "\",\"tags\":[1],\"paths\":[]}]}",
        "{\"format\":1,\"owed\":[{\"body\":\"" + KEY + "\",\"tags\":[\"a\"]}]}",
        "{\"format\":1,\"owed\":[{\"body\":\"../etc\",\"tags\":[],\"paths\":[]}]}",
        "{\"format\":1e400,\"owed\":[]}",
        "{\"format\":1e999999999,\"owed\":[]}",
      })
  void anUnreadableFileIsMovedAsideWithAWarningAndStartUpGoesOn(String content) throws IOException {
    Files.writeString(file(), content);

    OwedPurges owed = start();

    assertThat(owed.of(BODY)).isEqualTo(Invalidation.NOTHING);
    assertMovedAside(content.getBytes(StandardCharsets.UTF_8));
    owed.owe(BODY, GROK);
    assertThat(start().of(BODY)).isEqualTo(GROK);
  }

  @Test
  void notUtf8IsMovedAside() throws IOException {
    byte[] content = {'{', '"', (byte) 0xC3, '"', ':', '1', '}'};
    Files.write(file(), content);

    assertThat(start().of(BODY)).isEqualTo(Invalidation.NOTHING);
    assertMovedAside(content);
  }

  @Test
  void aNameLongerThanAnyTagIsRefused() throws IOException {
    String name = "x".repeat(OwedPurgesFile.MAX_NAME_LENGTH + 1);
    String content =
        "{\"format\":1,\"owed\":[{\"body\":\""
            + KEY
            + "\",\"tags\":[\""
            + name
            + "\"],\"paths\":[]}]}";
    Files.writeString(file(), content);

    start();

    assertMovedAside(content.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void moreDebtsThanTheBoundAreRefused() throws IOException {
    String debt = "{\"body\":\"" + KEY + "\",\"tags\":[],\"paths\":[]}";
    String content =
        "{\"format\":1,\"owed\":[" + String.join(",", List.of(debt, debt, debt)) + "]}";
    Files.writeString(file(), content);

    OwedPurges.storedIn(dataDir, clock, 2);

    assertMovedAside(content.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aHugeFileIsNotRead() throws IOException {
    try (RandomAccessFile huge = new RandomAccessFile(file().toFile(), "rw")) {
      huge.setLength(OwedPurgesFile.MAX_BYTES + 1); // sparse: nothing is written
    }

    assertThat(start().of(BODY)).isEqualTo(Invalidation.NOTHING);

    assertThat(file()).doesNotExist();
    assertThat(log.messages()).anyMatch(line -> line.contains("larger than"));
  }

  @Test
  void aDebtThatCannotBeStoredIsKeptInMemoryAndLogged() throws IOException {
    OwedPurges owed = start();
    Path temp = dataDir.resolve(OwedPurgesFile.NAME + ".tmp");
    Files.createDirectories(temp.resolve("blocked"));

    owed.owe(BODY, GROK);

    assertThat(owed.of(BODY)).isEqualTo(GROK);
    assertThat(file()).doesNotExist();
    assertThat(log.records())
        .anyMatch(
            record ->
                record.getLevel() == Level.WARNING
                    && record.getMessage().contains("kept in memory only"));
  }

  @Test
  void aTempFileACrashLeftIsRemoved() throws IOException {
    start().owe(BODY, GROK);
    Path temp = dataDir.resolve(OwedPurgesFile.NAME + ".tmp");
    Files.writeString(temp, "{half");

    assertThat(start().of(BODY)).isEqualTo(GROK);
    assertThat(temp).doesNotExist();
  }

  private void assertMovedAside(byte[] content) throws IOException {
    assertThat(file()).doesNotExist();
    try (Stream<Path> files = Files.list(dataDir)) {
      List<Path> aside =
          files
              .filter(
                  path ->
                      path.getFileName()
                          .toString()
                          .startsWith(OwedPurgesFile.NAME + ".unreadable-"))
              .toList();
      assertThat(aside).hasSize(1);
      assertThat(Files.readAllBytes(aside.get(0))).isEqualTo(content);
    }
    assertThat(log.records())
        .anyMatch(
            record ->
                record.getLevel() == Level.WARNING && record.getMessage().contains("moved to"));
  }
}
