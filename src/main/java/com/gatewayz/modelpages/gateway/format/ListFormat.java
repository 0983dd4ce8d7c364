package com.gatewayz.modelpages.gateway.format;

import jakarta.json.stream.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * Turns one gateway's public model-list response into {@link
 * com.gatewayz.modelpages.catalog.Listing}s. The body is untrusted: entries that cannot be used
 * (bad id, wrong JSON type) are skipped and reported in {@link ParsedList#skipped()}, and nothing
 * but {@link ListFormatException} or {@link IOException} leaves {@link #parse}. Implementations are
 * stateless and thread-safe.
 */
public interface ListFormat {

  /**
   * Reads the list from {@code body} as a stream, one entry at a time, and closes it.
   *
   * @param gatewayId the gateway the body came from, named in skipped lines and errors and used as
   *     the developer of last resort
   * @throws ListFormatException when the body is not JSON or not the expected shape at all
   * @throws IOException when reading the body fails
   */
  default ParsedList parse(InputStream body, String gatewayId)
      throws ListFormatException, IOException {
    Objects.requireNonNull(gatewayId, "gatewayId");
    ListCollector out = new ListCollector(gatewayId);
    JsonLists.read(body, gatewayId, parser -> readEntries(parser, gatewayId, out));
    return out.result();
  }

  /**
   * What differs between formats: walks the body from its first event with {@code parser} (through
   * {@link JsonLists}) and hands each usable entry to {@code out}.
   *
   * @throws ListFormatException when the body is not the expected shape at all
   */
  void readEntries(JsonParser parser, String gatewayId, ListCollector out)
      throws ListFormatException;
}
