package com.gatewayz.modelpages.catalog;

import com.gatewayz.modelpages.platform.DurableFiles;
import com.gatewayz.modelpages.platform.JsonSupport;
import jakarta.json.JsonObject;
import jakarta.json.JsonWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The snapshot file: the whole state and the number of the last change it holds ({@code seq}),
 * replaced atomically (temp file, fsync, rename, directory fsync). Not thread-safe.
 */
final class SnapshotFile {

  /** A snapshot as read; {@code legacy} for format 2, which has no change number (0). */
  record Snapshot(CatalogState state, long seq, boolean legacy, long size) {}

  private final Path path;
  private final Path temp;

  SnapshotFile(Path path) {
    this.path = path;
    this.temp = DurableFiles.tempOf(path);
  }

  Path path() {
    return path;
  }

  /** Whether there is a snapshot; removes a temp file a crash left behind. */
  boolean exists() throws IOException {
    Files.deleteIfExists(temp);
    return Files.exists(path);
  }

  /**
   * @throws InvalidModelException when the file is not a snapshot of a known format
   */
  Snapshot read() throws IOException, InvalidModelException {
    String origin = path.getFileName().toString();
    try {
      SnapshotReader.Read read = SnapshotReader.read(path, origin);
      boolean legacy = CatalogStateJson.format(read.head()) == CatalogStateJson.LEGACY_FORMAT;
      long seq = legacy ? 0 : read.head().getJsonNumber("seq").longValueExact();
      return new Snapshot(read.state(), seq, legacy, Files.size(path));
    } catch (CharacterCodingException e) {
      throw new InvalidModelException(origin, "is not UTF-8");
    } catch (RuntimeException e) {
      throw new InvalidModelException(origin, String.valueOf(e.getMessage()));
    }
  }

  /** Replaces the snapshot with {@code state} as of change {@code seq}; returns its size. */
  long write(CatalogState state, long seq) throws IOException {
    DurableFiles.replace(path, out -> SnapshotWriter.write(state, seq, out));
    return Files.size(path);
  }

  static byte[] bytes(JsonObject json) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonWriter writer = JsonSupport.JSON.createWriter(bytes)) {
      writer.writeObject(json);
    }
    return bytes.toByteArray();
  }

  /** Renames {@code file} (when it exists) by appending {@code suffix}; returns the new path. */
  static Path moveAside(Path file, String suffix) throws IOException {
    Path aside = file.resolveSibling(file.getFileName() + suffix);
    if (Files.exists(file)) {
      Files.move(file, aside);
      DurableFiles.forceDirectory(file.getParent());
    }
    return aside;
  }
}
