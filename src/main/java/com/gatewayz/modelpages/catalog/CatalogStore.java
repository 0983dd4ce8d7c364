package com.gatewayz.modelpages.catalog;

import com.gatewayz.modelpages.platform.DaemonThreads;
import com.gatewayz.modelpages.platform.DurableFiles;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Logger;

/**
 * The durable catalog state under the data directory: a snapshot ({@value #FILE}) and a journal
 * ({@value #JOURNAL}) of the changes since, one JSON line each, appended and fsynced before a
 * change becomes visible. Changes are numbered: each journal line carries its number, the snapshot
 * the number of the last change it holds, and loading replays only the newer lines — so a crash
 * between a new snapshot and the emptying of the journal replays nothing twice. The journal is
 * folded into a new snapshot (temp file, fsync, atomic rename, directory fsync) once it grows: off
 * the writer's path, since at 100,000 models a snapshot takes a second and the change that made the
 * journal long is already durable in it. Until the snapshot is in place the journal keeps every
 * line (a crash replays what the snapshot lacks); then the writer's next change replaces the
 * journal with the lines appended meanwhile. A change of most entries, a damaged journal and the
 * first save still write the snapshot on the writer's path.
 *
 * <p>Loading never settles for less than was stored: a torn last line (never acknowledged) is cut
 * off, but a snapshot that cannot be read is moved aside with its journal and loading fails, as it
 * does for a damaged line that is not the last. Files of format 2 load and are rewritten in the
 * current format. Not thread-safe: the catalog service calls it under its write lock.
 */
public final class CatalogStore implements AutoCloseable {

  static final String FILE = "catalog.json";
  static final String JOURNAL = "catalog.journal";
  static final int MAX_JOURNAL_LINES = 1_000;
  private static final DateTimeFormatter ASIDE =
      DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss").withZone(ZoneOffset.UTC);
  private static final Logger LOG = Logger.getLogger(CatalogStore.class.getName());

  private final SnapshotFile snapshot;
  private final JournalFile journal;
  private final Clock clock;
  private CatalogState saved;
  private long seq;
  private int journalLines;
  private long snapshotBytes;
  private final JournalFolding folding;

  public CatalogStore(Path dataDir) {
    this(dataDir, Clock.systemUTC());
  }

  /**
   * @param clock names files moved aside
   */
  public CatalogStore(Path dataDir, Clock clock) {
    this(dataDir, clock, JournalFile.Disk.REAL);
  }

  CatalogStore(Path dataDir, Clock clock, JournalFile.Disk disk) {
    this(
        dataDir,
        clock,
        disk,
        Executors.newSingleThreadExecutor(DaemonThreads.single("catalog-snapshot")));
  }

  /**
   * @param compactions writes the snapshots that fold a long journal (tests run them when they
   *     choose)
   */
  CatalogStore(Path dataDir, Clock clock, JournalFile.Disk disk, ExecutorService compactions) {
    this.snapshot = new SnapshotFile(dataDir.resolve(FILE));
    this.journal = new JournalFile(dataDir.resolve(JOURNAL), disk);
    this.clock = clock;
    this.folding = new JournalFolding(snapshot, compactions);
  }

  /**
   * The stored state: the snapshot with the journal's newer changes replayed; empty when nothing is
   * stored. Entries that cannot be read are skipped, one log line each.
   *
   * @throws CatalogStoreException when the snapshot cannot be read (it is moved aside first, with
   *     its journal) or the journal is damaged before its end; the message names the file
   */
  public Optional<CatalogState> load() {
    try {
      // A journal being replaced when the process died: the journal itself is whole.
      Files.deleteIfExists(DurableFiles.tempOf(journal.path()));
      if (!snapshot.exists()) {
        requireNoJournal();
        return Optional.empty();
      }
      SnapshotFile.Snapshot stored = readSnapshot();
      saved = replay(stored);
      if (stored.legacy()) {
        writeSnapshot(saved, seq + 1);
      }
      return Optional.of(saved);
    } catch (IOException e) {
      throw new CatalogStoreException(
          "cannot load the stored catalog " + snapshot.path() + ": " + e, e);
    }
  }

  private void requireNoJournal() throws IOException {
    if (Files.exists(journal.path()) && Files.size(journal.path()) > 0) {
      throw new CatalogStoreException(
          journal.path()
              + " holds changes but "
              + snapshot.path()
              + " is missing; restore "
              + FILE
              + ", or move the journal aside to start from the bundled catalog");
    }
  }

  private SnapshotFile.Snapshot readSnapshot() throws IOException {
    try {
      SnapshotFile.Snapshot stored = snapshot.read();
      snapshotBytes = stored.size();
      return stored;
    } catch (InvalidModelException e) {
      throw unreadable(e);
    }
  }

  private CatalogStoreException unreadable(Exception cause) {
    String suffix = ".unreadable-" + ASIDE.format(clock.instant());
    String what =
        "the stored catalog " + snapshot.path() + " cannot be read (" + cause.getMessage() + "); ";
    try {
      Path aside = SnapshotFile.moveAside(snapshot.path(), suffix);
      SnapshotFile.moveAside(journal.path(), suffix);
      return new CatalogStoreException(
          what
              + "it was moved to "
              + aside
              + " (with its journal) and start-up stopped rather than"
              + " start from less. Repair and restore it, or start again to begin from the bundled"
              + " catalog",
          cause);
    } catch (IOException e) {
      return new CatalogStoreException(what + "moving it aside failed too: " + e, cause);
    }
  }

  // Lines numbered up to the snapshot's are in it already; format 2 lines have no numbers.
  private CatalogState replay(SnapshotFile.Snapshot stored) throws IOException {
    CatalogState state = stored.state();
    seq = stored.seq();
    journalLines = 0;
    int number = 0;
    for (JsonObject line : journal.read(stored.legacy())) {
      number++;
      long lineSeq = CatalogJournal.seq(line);
      if (stored.legacy() != (lineSeq < 0) || !stored.legacy() && lineSeq > seq + 1) {
        throw journal.damaged(number, "change " + lineSeq + " does not follow change " + seq);
      }
      if (stored.legacy() || lineSeq > seq) {
        state = apply(state, line, number);
        seq = Math.max(seq, lineSeq);
        journalLines++;
      }
    }
    return state;
  }

  private CatalogState apply(CatalogState state, JsonObject line, int number) {
    try {
      return CatalogJournal.apply(state, line, JOURNAL + " line " + number);
    } catch (InvalidModelException | RuntimeException e) {
      throw journal.damaged(number, e.getMessage());
    }
  }

  /** The state as bytes, in the stored format (for sharing with other nodes). */
  public static byte[] toBytes(CatalogState state) {
    return SnapshotFile.bytes(CatalogStateJson.write(state));
  }

  /** A state from {@link #toBytes}; entries that cannot be read are skipped (logged). */
  public static CatalogState fromBytes(byte[] bytes) throws InvalidModelException {
    try {
      return CatalogStateJson.read(StoredJson.parse(bytes, 0, bytes.length), "the shared catalog");
    } catch (CharacterCodingException e) {
      throw new InvalidModelException("the shared catalog", "is not UTF-8");
    }
  }

  /** Writes {@code state} durably: when this returns, a crash cannot lose it. */
  public void save(CatalogState state) {
    try {
      finishFolding();
      if (saved == null || journal.isDirty() || isWide(state)) {
        folding.await(); // one snapshot writer at a time: an older one must not land last
        writeSnapshot(state, seq + 1);
      } else {
        append(state);
        if (!folding.isRunning()
            && (journalLines >= MAX_JOURNAL_LINES || journal.length() > snapshotBytes)) {
          folding.start(state, seq);
          finishFolding(); // done already when compactions run inline
        }
      }
      saved = state;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store the catalog in " + snapshot.path(), e);
    }
  }

  // Once the snapshot is in place, the journal becomes the lines appended since it started.
  private void finishFolding() throws IOException {
    JournalFolding.Folded done = folding.takeIfDone();
    if (done == null) {
      return;
    }
    snapshotBytes = done.snapshotBytes();
    if (journal.isDirty()) {
      return; // a failed line may remain: this change writes a snapshot and empties it
    }
    journal.replaceWith(done.linesSince());
    journalLines = done.linesSince().size();
  }

  @Override
  public void close() {
    folding.close();
  }

  // A change of most listings is written as a snapshot: a journal line would be as large, and built
  // in memory. Entries only re-dated (a refresh lists them again unchanged) take their id only.
  private boolean isWide(CatalogState state) {
    int entries = 0;
    for (var source : state.sources().values()) {
      entries += source.size();
    }
    int limit = Math.max(1_000, entries / 4);
    return RemergeScope.changedListings(saved, state, limit) > limit;
  }

  private void append(CatalogState state) throws IOException {
    long next = seq + 1;
    byte[] line =
        (CatalogJournal.delta(saved, state, next) + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      journal.append(line);
    } catch (IOException e) {
      if (journal.isDirty()) {
        // The failed line may remain: its number is spent, and the next snapshot covers it.
        seq = next;
      }
      throw e;
    }
    seq = next;
    journalLines++;
    folding.appended(line);
  }

  // The snapshot replaces the old one atomically; only then is the journal emptied. Should a
  // crash come between, the journal's lines are numbered at most the snapshot's: skipped.
  private void writeSnapshot(CatalogState state, long snapshotSeq) throws IOException {
    snapshotBytes = snapshot.write(state, snapshotSeq);
    seq = snapshotSeq;
    journalLines = 0;
    try {
      journal.reset();
    } catch (IOException e) {
      LOG.warning(
          "[Catalog] the journal could not be emptied after a snapshot ("
              + e
              + "); its lines are older than the snapshot and skipped when loading");
    }
  }
}
