package com.gatewayz.modelpages.catalog;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Forcing files and directory entries to disk. */
final class Fsync {

  private Fsync() {}

  static void file(Path path) throws IOException {
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
  }

  /**
   * Makes a directory's entries durable (a created file, a rename). Some file systems cannot open a
   * directory for this; a rename is still atomic there, so the failure is ignored.
   */
  static void directory(Path path) {
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // see above
    }
  }
}
