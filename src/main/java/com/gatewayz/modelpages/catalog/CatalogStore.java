package com.gatewayz.modelpages.catalog;

import com.gatewayz.modelpages.platform.JsonSupport;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The durable catalog state under the data directory: a snapshot ({@value #FILE}) and a journal
 * ({@value #JOURNAL}) of the changes since, one JSON line each, appended and fsynced before a
 * change becomes visible. A change costs a small append, not a rewrite of the whole catalog; the
 * journal is folded into a new snapshot (temp file, fsync, atomic rename) once it grows. A crash
 * at any moment leaves a readable state: a torn last line is ignored. Loaded at start-up before
 * pre-rendering. Not thread-safe: the catalog service calls it under its write lock.
 */
public final class CatalogStore {

  static final String FILE = "catalog.json";
  static final String JOURNAL = "catalog.journal";
  static final int MAX_JOURNAL_LINES = 1_000;
  private static final Logger LOG = Logger.getLogger(CatalogStore.class.getName());

  private final Path file;
  private final Path journal;
  private CatalogState saved;
  private int journalLines;
  private long snapshotBytes;

  public CatalogStore(Path dataDir) {
    this.file = dataDir.resolve(FILE);
    this.journal = dataDir.resolve(JOURNAL);
  }

  /** The stored state; empty when none was stored or it cannot be read (logged, then ignored). */
  public Optional<CatalogState> load() {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try (InputStream in = Files.newInputStream(file);
        JsonReader reader = JsonSupport.JSON.createReader(in)) {
      CatalogState state = CatalogStateJson.read(reader.readObject());
      snapshotBytes = Files.size(file);
      state = replayJournal(state);
      saved = state;
      return Optional.of(state);
    } catch (IOException | RuntimeException | InvalidModelException e) {
      LOG.log(Level.WARNING, "[Catalog] the stored catalog " + file + " cannot be read; ignoring it", e);
      return Optional.empty();
    }
  }

  private CatalogState replayJournal(CatalogState state) throws IOException {
    journalLines = 0;
    if (!Files.exists(journal)) {
      return state;
    }
    for (String line : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
      try (JsonReader reader = JsonSupport.JSON.createReader(new StringReader(line))) {
        state = CatalogJournal.apply(state, reader.readObject());
        journalLines++;
      } catch (RuntimeException | InvalidModelException e) {
        LOG.warning("[Catalog] the journal ends with an incomplete change (a crash while writing it); ignored");
        break;
      }
    }
    return state;
  }

  /** The state as bytes, in the stored format (for sharing with other nodes). */
  public static byte[] toBytes(CatalogState state) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonWriter writer = JsonSupport.JSON.createWriter(bytes)) {
      writer.writeObject(CatalogStateJson.write(state));
    }
    return bytes.toByteArray();
  }

  /** A state from {@link #toBytes}. */
  public static CatalogState fromBytes(byte[] bytes) throws InvalidModelException {
    try (JsonReader reader = JsonSupport.JSON.createReader(new ByteArrayInputStream(bytes))) {
      return CatalogStateJson.read(reader.readObject());
    }
  }

  /** Writes {@code state} durably: when this returns, a crash cannot lose it. */
  public void save(CatalogState state) {
    try {
      if (saved == null || journalLines >= MAX_JOURNAL_LINES || journalBytes() > snapshotBytes) {
        snapshot(state);
      } else {
        append(CatalogJournal.delta(saved, state));
      }
      saved = state;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store the catalog in " + file, e);
    }
  }

  private long journalBytes() throws IOException {
    return Files.exists(journal) ? Files.size(journal) : 0;
  }

  private void append(JsonObject delta) throws IOException {
    byte[] line = (delta.toString() + "\n").getBytes(StandardCharsets.UTF_8);
    try (FileChannel channel =
        FileChannel.open(journal, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      ByteBuffer buffer = ByteBuffer.wrap(line);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(false);
    }
    journalLines++;
  }

  // The snapshot replaces the old one atomically; only then is the journal emptied. Should a
  // crash come between, its lines are replayed on the new snapshot, to the same state.
  private void snapshot(CatalogState state) throws IOException {
    Path temp = file.resolveSibling(FILE + ".tmp");
    byte[] bytes = toBytes(state);
    Files.write(temp, bytes);
    fsync(temp, false);
    move(temp);
    fsync(file.getParent(), true);
    try (FileChannel channel = FileChannel.open(journal, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      channel.truncate(0);
      channel.force(true);
    }
    snapshotBytes = bytes.length;
    journalLines = 0;
  }

  private void move(Path temp) throws IOException {
    try {
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void fsync(Path path, boolean directory) throws IOException {
    try (FileChannel channel =
        FileChannel.open(path, directory ? StandardOpenOption.READ : StandardOpenOption.WRITE)) {
      channel.force(true);
    } catch (IOException e) {
      if (!directory) {
        throw e;
      }
      // Some file systems cannot open a directory for sync; the rename is still atomic there.
    }
  }
}
