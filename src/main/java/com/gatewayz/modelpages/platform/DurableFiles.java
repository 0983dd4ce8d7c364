package com.gatewayz.modelpages.platform;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Files that survive a crash: the one way the catalog snapshot, the edge outbox, owed purges and
 * view counts are replaced, and how a file or a directory entry is forced to disk.
 */
public final class DurableFiles {

  private DurableFiles() {}

  /** The temp sibling {@link #replace} writes first ({@code <name>.tmp}); a crash can leave it. */
  public static Path tempOf(Path file) {
    return file.resolveSibling(file.getFileName() + ".tmp");
  }

  /**
   * Replaces {@code file} with {@code bytes}: the temp sibling written and forced, renamed over the
   * file (atomically where the file system can), then the directory forced. On failure the old file
   * stays and the temp file is removed.
   */
  public static void replace(Path file, byte[] bytes) throws IOException {
    replace(file, out -> out.write(bytes));
  }

  /** What writes a file's content to a stream. */
  public interface Content {
    void writeTo(java.io.OutputStream out) throws IOException;
  }

  /** As {@link #replace(Path, byte[])}, the content streamed into the temp file. */
  public static void replace(Path file, Content content) throws IOException {
    Path temp = tempOf(file);
    try {
      try (java.io.OutputStream out =
          new java.io.BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
        content.writeTo(out);
      }
      force(temp);
      move(temp, file);
    } catch (IOException e) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
    forceDirectory(file.getParent());
  }

  public static void force(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
  }

  /**
   * Makes a directory's entries durable (a created file, a rename). Some file systems cannot open a
   * directory for this; a rename is still atomic there, so the failure is ignored.
   */
  public static void forceDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // see above
    }
  }

  private static void move(Path temp, Path file) throws IOException {
    try {
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
