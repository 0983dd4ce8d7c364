package com.gatewayz.modelpages.catalog;

import com.gatewayz.modelpages.platform.JsonSupport;
import jakarta.json.stream.JsonGenerator;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes a snapshot as a stream, one source entry at a time, in the document {@link
 * CatalogStateJson#write} describes (plus {@code seq}): a 100,000-model state is never one JSON
 * tree or one string in memory. {@link SnapshotReader} reads it back.
 */
final class SnapshotWriter {

  private SnapshotWriter() {}

  static void write(CatalogState state, long seq, OutputStream out) throws java.io.IOException {
    try (JsonGenerator json =
        JsonSupport.JSON.createGenerator(
            new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8))) {
      json.writeStartObject();
      json.write("format", CatalogStateJson.FORMAT);
      json.writeStartObject("sources");
      for (Map.Entry<String, Map<String, SourceEntry>> source : state.sources().entrySet()) {
        json.writeStartArray(source.getKey());
        source
            .getValue()
            .forEach((id, entry) -> json.write(CatalogStateJson.writeEntry(id, entry).build()));
        json.writeEnd();
      }
      json.writeEnd();
      json.write("retired", CatalogStateJson.writeRetired(state.retired()).build());
      json.write("gateway_status", CatalogStateJson.writeStatuses(state.gatewayStatus()).build());
      json.write(
          CatalogStateJson.CANONICAL_IDS,
          CatalogStateJson.writeCanonicalIds(state.canonicalIds()).build());
      json.write("seq", seq);
      json.writeEnd();
    } catch (jakarta.json.JsonException e) {
      // The generator wraps the stream's failure (a full disk): the caller handles it as I/O.
      if (e.getCause() instanceof java.io.IOException io) {
        throw io;
      }
      throw e;
    }
  }
}
