package com.gatewayz.modelpages.edge;

import com.gatewayz.modelpages.platform.DurableFiles;
import com.gatewayz.modelpages.platform.JsonSupport;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The outbox's file format: one JSON object per line, either a purge {@code
 * {"seq":12,"at":1700000000000,"names":["model:x","path:/models/x"]}} or a delivery cursor {@code
 * {"edge":"varnish http://127.0.0.1:6081","done":12}}. A line torn by a crash is skipped on replay.
 */
final class OutboxJournal {

  private static final Logger LOG = Logger.getLogger(OutboxJournal.class.getName());

  /** What a replay found: the purges by seq, the highest seq seen, each edge's cursor. */
  record Replayed(List<PurgeOutbox.Entry> entries, long lastSeq, Map<String, Long> cursors) {}

  private OutboxJournal() {}

  static String entryLine(PurgeOutbox.Entry entry) {
    JsonArrayBuilder names = JsonSupport.JSON.createArrayBuilder();
    entry.names().forEach(names::add);
    return JsonSupport.JSON
        .createObjectBuilder()
        .add("seq", entry.seq())
        .add("at", entry.atMillis())
        .add("names", names)
        .build()
        .toString();
  }

  static String cursorLine(String edge, long seq) {
    return JsonSupport.JSON
        .createObjectBuilder()
        .add("edge", edge)
        .add("done", seq)
        .build()
        .toString();
  }

  static void writeLine(FileChannel channel, String line) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
    while (bytes.hasRemaining()) {
      channel.write(bytes);
    }
  }

  /** Reads {@code file}; a missing file is an empty outbox. */
  static Replayed replay(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return new Replayed(List.of(), 0, Map.of());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the edge outbox " + file, e);
    }
    Replay replay = new Replay();
    for (String line : lines) {
      try {
        replay.apply(line);
      } catch (JsonException
          | ClassCastException
          | NullPointerException
          | IllegalStateException e) {
        LOG.warning(() -> "[Edge] skipped an unreadable line of " + file + " (torn by a crash?)");
      }
    }
    return replay.result();
  }

  /** The state a replay builds, line by line. */
  private static final class Replay {
    private final Map<Long, PurgeOutbox.Entry> entries = new LinkedHashMap<>();
    private final Map<String, Long> cursors = new HashMap<>();
    private long lastSeq;

    void apply(String line) {
      if (line.isBlank()) {
        return;
      }
      JsonObject json = JsonSupport.JSON.createReader(new StringReader(line)).readObject();
      if (json.containsKey("seq")) {
        PurgeOutbox.Entry entry = entry(json);
        entries.put(entry.seq(), entry);
        lastSeq = Math.max(lastSeq, entry.seq());
      } else {
        long done = json.getJsonNumber("done").longValue();
        cursors.merge(json.getString("edge"), done, Math::max);
        lastSeq = Math.max(lastSeq, done);
      }
    }

    Replayed result() {
      return new Replayed(new ArrayList<>(entries.values()), lastSeq, cursors);
    }
  }

  private static PurgeOutbox.Entry entry(JsonObject json) {
    List<String> names =
        json.getJsonArray("names").getValuesAs(JsonString.class).stream()
            .map(JsonString::getString)
            .toList();
    return new PurgeOutbox.Entry(
        json.getJsonNumber("seq").longValue(), json.getJsonNumber("at").longValue(), names);
  }

  /**
   * Replaces {@code file} with {@code lines} atomically: temp file, fsync, rename, fsync of the
   * directory.
   */
  static void replace(Path file, List<String> lines) throws IOException {
    StringBuilder text = new StringBuilder();
    lines.forEach(line -> text.append(line).append('\n'));
    DurableFiles.replace(file, text.toString().getBytes(StandardCharsets.UTF_8));
  }
}
