package com.gatewayz.modelpages.boot;

import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A short hash of the shipped CSS and JS: asset URLs change exactly when the assets do. */
final class AssetVersion {

  private static final String[] ASSETS = {"/assets/site.css", "/assets/site.js"};

  private AssetVersion() {}

  static String of(ServletContext context) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String asset : ASSETS) {
        try (InputStream in = context.getResourceAsStream(asset)) {
          if (in != null) {
            digest.update(in.readAllBytes());
          }
        }
      }
      return HexFormat.of().formatHex(digest.digest(), 0, 5);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
