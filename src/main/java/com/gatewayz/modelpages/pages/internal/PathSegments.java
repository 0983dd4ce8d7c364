package com.gatewayz.modelpages.pages.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Percent-decoding of URL path text. Unlike {@code URLDecoder}, {@code +} stays {@code +} (it is a
 * legal id character); bad escapes and bytes that are not UTF-8 make the whole text invalid.
 */
public final class PathSegments {

  private PathSegments() {}

  /** The decoded text, or null when it is not valid percent-encoded UTF-8. */
  public static String decode(String encoded) {
    if (encoded.indexOf('%') < 0) {
      return encoded;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c != '%') {
        if (c > 0x7f) {
          return null;
        }
        bytes.write(c);
        continue;
      }
      if (i + 2 >= encoded.length()) {
        return null;
      }
      int high = Character.digit(encoded.charAt(i + 1), 16);
      int low = Character.digit(encoded.charAt(i + 2), 16);
      if (high < 0 || low < 0) {
        return null;
      }
      bytes.write(high << 4 | low);
      i += 2;
    }
    return utf8(bytes.toByteArray());
  }

  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
