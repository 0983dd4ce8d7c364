package com.gatewayz.modelpages.gateway.format;

import com.gatewayz.modelpages.catalog.Listing;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.NoSuchElementException;

/** Loads the list fixtures under {@code src/test/resources/gateway-fixtures/} and finds models. */
final class Fixtures {

  private Fixtures() {}

  static ParsedList parse(String format, String fixture, String gatewayId) throws Exception {
    try (InputStream body = open(fixture)) {
      return ListFormats.forName(format).parse(body, gatewayId);
    }
  }

  static ParsedList parseText(String format, String json, String gatewayId) throws Exception {
    return ListFormats.forName(format).parse(bytes(json), gatewayId);
  }

  static InputStream bytes(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  static InputStream open(String fixture) throws IOException {
    InputStream body = Fixtures.class.getResourceAsStream("/gateway-fixtures/" + fixture);
    if (body == null) {
      throw new IOException("no fixture " + fixture);
    }
    return body;
  }

  static Listing model(ParsedList list, String id) {
    return list.models().stream()
        .filter(m -> m.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException("no model " + id + " in " + list.models()));
  }
}
