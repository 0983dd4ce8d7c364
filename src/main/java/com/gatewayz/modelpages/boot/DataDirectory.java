package com.gatewayz.modelpages.boot;

import com.gatewayz.modelpages.platform.InvalidSettingException;
import com.gatewayz.modelpages.platform.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Makes sure the data directory exists and is writable before anything is stored in it. */
final class DataDirectory {

  private DataDirectory() {}

  static void prepare(Path directory) {
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new InvalidSettingException(
          Settings.DATA_DIR,
          directory.toString(),
          "a directory this server can create (" + e.getMessage() + ")");
    }
    if (!Files.isWritable(directory)) {
      throw new InvalidSettingException(
          Settings.DATA_DIR, directory.toString(), "a writable directory");
    }
  }
}
