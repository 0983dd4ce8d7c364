package com.gatewayz.modelpages.catalog;

import com.gatewayz.modelpages.platform.JsonSupport;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Stored JSON read strictly: bytes that are not UTF-8 fail instead of turning into U+FFFD. */
final class StoredJson {

  private StoredJson() {}

  /**
   * The JSON object in {@code bytes[from, to)}.
   *
   * @throws CharacterCodingException when the bytes are not UTF-8
   * @throws jakarta.json.JsonException when they are not one JSON object
   */
  static JsonObject parse(byte[] bytes, int from, int to) throws CharacterCodingException {
    String text =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes, from, to - from))
            .toString();
    try (JsonReader reader = JsonSupport.JSON.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }
}
