package com.gatewayz.modelpages.catalog;

import com.gatewayz.modelpages.platform.DurableFiles;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The journal file: one JSON object per line, each line written whole and fsynced before the change
 * it carries is acknowledged. Read as bytes and decoded line by line, so a line torn by a crash
 * (even inside a multi-byte character) is recognised and cut off, and later appends start after the
 * last good line. A failed append is cut back; when even that fails the file is {@link #isDirty()
 * dirty} until the next {@link #reset()}. Not thread-safe.
 */
final class JournalFile {

  private static final Logger LOG = Logger.getLogger(JournalFile.class.getName());
  // Every line of format 2 starts with this; the next line of a torn one was glued to it.
  private static final byte[] LEGACY_LINE_START = "{\"put\":".getBytes(StandardCharsets.UTF_8);

  /** The two writes that can fail half-way; tests replace them to inject failures. */
  interface Disk {
    Disk REAL =
        new Disk() {
          @Override
          public int write(FileChannel channel, ByteBuffer bytes, long position)
              throws IOException {
            return channel.write(bytes, position);
          }

          @Override
          public void truncate(FileChannel channel, long size) throws IOException {
            channel.truncate(size);
          }
        };

    int write(FileChannel channel, ByteBuffer bytes, long position) throws IOException;

    void truncate(FileChannel channel, long size) throws IOException;
  }

  private final Path path;
  private final Disk disk;
  private long length;
  private boolean dirty;

  JournalFile(Path path, Disk disk) {
    this.path = path;
    this.disk = disk;
  }

  Path path() {
    return path;
  }

  /** The file's size up to the end of its last good line. */
  long length() {
    return length;
  }

  boolean isDirty() {
    return dirty;
  }

  /**
   * The complete lines, in order. An incomplete or unreadable end is cut off the file (its change
   * was never acknowledged). A bad line followed by good ones is damage, not a torn end: it fails,
   * except in a format 2 journal, whose writer appended after torn lines; there the line glued
   * after the tear is recovered and the torn part skipped.
   *
   * @throws CatalogStoreException for a damaged line that is not the last
   */
  List<JsonObject> read(boolean legacy) throws IOException {
    byte[] bytes = Files.exists(path) ? Files.readAllBytes(path) : new byte[0];
    List<JsonObject> lines = new ArrayList<>();
    length = 0;
    int firstBad = -1;
    int number = 0;
    for (int start = 0, end; (end = indexOf(bytes, (byte) '\n', start)) >= 0; start = end + 1) {
      number++;
      Optional<JsonObject> line = parse(bytes, start, end);
      if (line.isEmpty() && legacy) {
        line = salvage(bytes, start, end, number);
      }
      if (line.isEmpty()) {
        firstBad = firstBad < 0 ? number : firstBad;
      } else if (firstBad > 0) {
        throw damaged(firstBad, "complete changes follow it");
      } else {
        lines.add(line.get());
        length = end + 1L;
      }
    }
    cutTornEnd(bytes.length);
    return lines;
  }

  /** Loading stops at line {@code number}: nothing is replayed past damage, the file is kept. */
  CatalogStoreException damaged(int number, String problem) {
    return new CatalogStoreException(
        path
            + " line "
            + number
            + " is damaged ("
            + problem
            + "); start-up stopped. Repair the"
            + " line, or move the journal aside to start from the snapshot alone");
  }

  private static int indexOf(byte[] bytes, byte value, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == value) {
        return i;
      }
    }
    return -1;
  }

  private static Optional<JsonObject> parse(byte[] bytes, int from, int to) {
    try {
      return Optional.of(StoredJson.parse(bytes, from, to));
    } catch (CharacterCodingException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private Optional<JsonObject> salvage(byte[] bytes, int from, int to, int number) {
    for (int at = to - LEGACY_LINE_START.length; at > from; at--) {
      if (Arrays.equals(
          bytes,
          at,
          at + LEGACY_LINE_START.length,
          LEGACY_LINE_START,
          0,
          LEGACY_LINE_START.length)) {
        Optional<JsonObject> line = parse(bytes, at, to);
        line.ifPresent(
            l ->
                LOG.warning(
                    "[Catalog] "
                        + path
                        + " line "
                        + number
                        + " starts with a change torn by a crash; skipped it, kept the change after"
                        + " it"));
        return line;
      }
    }
    return Optional.empty();
  }

  private void cutTornEnd(long size) throws IOException {
    if (size > length) {
      LOG.warning(
          "[Catalog] "
              + path
              + " ends with "
              + (size - length)
              + " bytes of an incomplete change (a crash while writing it, never acknowledged); cut"
              + " off");
      try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
        channel.truncate(length);
        channel.force(true);
      }
    }
  }

  /** Writes {@code line} (ending with a newline) after the last good line and fsyncs it. */
  void append(byte[] line) throws IOException {
    boolean created = !Files.exists(path);
    try (FileChannel channel =
        FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      try {
        write(channel, line);
      } catch (IOException e) {
        cutBack(channel);
        throw e;
      }
    }
    if (created) {
      DurableFiles.forceDirectory(path.getParent());
    }
    length += line.length;
  }

  private void write(FileChannel channel, byte[] line) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(line);
    long position = length;
    while (buffer.hasRemaining()) {
      position += disk.write(channel, buffer, position);
    }
    channel.force(false);
  }

  private void cutBack(FileChannel channel) {
    try {
      disk.truncate(channel, length);
      channel.force(true);
    } catch (IOException e) {
      dirty = true;
      LOG.warning(
          "[Catalog] "
              + path
              + ": a failed append could not be cut back ("
              + e.getMessage()
              + "); the next change writes a snapshot");
    }
  }

  /**
   * Replaces the file by {@code lines} (each ending with a newline) at once (temp file, fsync,
   * atomic rename): the lines a new snapshot does not hold yet.
   */
  void replaceWith(List<byte[]> lines) throws IOException {
    long size = 0;
    for (byte[] line : lines) {
      size += line.length;
    }
    DurableFiles.replace(
        path,
        out -> {
          for (byte[] line : lines) {
            out.write(line);
          }
        });
    length = size;
    dirty = false;
  }

  /** Empties the file (its changes are in a new snapshot). */
  void reset() throws IOException {
    boolean created = !Files.exists(path);
    try (FileChannel channel =
        FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      channel.truncate(0);
      channel.force(true);
    }
    if (created) {
      DurableFiles.forceDirectory(path.getParent());
    }
    length = 0;
    dirty = false;
  }
}
