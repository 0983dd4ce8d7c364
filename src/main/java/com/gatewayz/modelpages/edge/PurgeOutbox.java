package com.gatewayz.modelpages.edge;

import com.gatewayz.modelpages.isr.EdgeKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The purges not yet delivered to every edge, kept in a journal under the data directory: each
 * purge is appended and fsynced before {@link #append} returns, each delivery moves that edge's
 * cursor. A restart replays the journal, so neither an edge outage nor a restart loses a purge.
 * Once every edge has everything the journal is emptied; past {@value #COMPACT_LINES} lines, half
 * of them spent, it is rewritten with what is still pending; past {@value #MAX_PENDING} pending
 * purges they are folded into one purge of everything. Thread-safe.
 */
final class PurgeOutbox implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(PurgeOutbox.class.getName());

  static final String FILE = "edge-outbox.journal";
  static final int COMPACT_LINES = 1_000;
  static final int MAX_PENDING = 10_000;

  /** One forwarded purge: its place in the outbox, when it was applied here, the names to purge. */
  record Entry(long seq, long atMillis, List<String> names) {
    Entry {
      names = List.copyOf(names);
    }
  }

  private final Path file;
  private final Clock clock;
  private final int maxPending;
  private final int compactLines;
  private final Deque<Entry> entries = new ArrayDeque<>();
  private final Map<String, Long> cursors = new HashMap<>();
  private FileChannel channel;
  private long lastSeq;
  private int lines;

  private PurgeOutbox(Path file, Clock clock, int maxPending, int compactLines) {
    this.file = file;
    this.clock = clock;
    this.maxPending = maxPending;
    this.compactLines = compactLines;
  }

  /** Opens the outbox of {@code directory} for {@code edges} (their journal ids), replaying it. */
  static PurgeOutbox open(Path directory, Collection<String> edges, Clock clock) {
    return open(directory, edges, clock, MAX_PENDING, COMPACT_LINES);
  }

  /** With other limits than the defaults: for tests. */
  static PurgeOutbox open(
      Path directory, Collection<String> edges, Clock clock, int maxPending, int compactLines) {
    PurgeOutbox outbox = new PurgeOutbox(directory.resolve(FILE), clock, maxPending, compactLines);
    OutboxJournal.Replayed replayed = OutboxJournal.replay(outbox.file);
    replayed.entries().forEach(outbox.entries::add);
    outbox.lastSeq = replayed.lastSeq();
    edges.forEach(edge -> outbox.cursors.put(edge, replayed.cursors().getOrDefault(edge, 0L)));
    synchronized (outbox) {
      outbox.dropDelivered();
      outbox.rewrite();
    }
    if (!outbox.entries.isEmpty()) {
      LOG.info(
          () ->
              "[Edge] "
                  + outbox.entries.size()
                  + " purges from before the restart wait for delivery");
    }
    return outbox;
  }

  /** Adds a purge of {@code names}, durably unless the disk fails (then it is still delivered). */
  synchronized Entry append(List<String> names) {
    Entry entry = new Entry(++lastSeq, clock.millis(), names);
    entries.add(entry);
    try {
      write(OutboxJournal.entryLine(entry));
      channel.force(false);
    } catch (IOException e) {
      LOG.log(
          Level.SEVERE,
          "[Edge] writing a purge to " + file + " failed; it is kept in memory only",
          e);
    }
    if (entries.size() > maxPending) {
      foldIntoEverything();
    }
    return entry;
  }

  /**
   * The purges {@code edge} has not had yet, oldest first: whole entries up to about {@code
   * maxNames} names (at least one entry).
   */
  synchronized List<Entry> pending(String edge, int maxNames) {
    long cursor = cursors.getOrDefault(edge, 0L);
    List<Entry> batch = new ArrayList<>();
    int names = 0;
    for (Entry entry : entries) {
      if (entry.seq() <= cursor) {
        continue;
      }
      if (!batch.isEmpty() && names + entry.names().size() > maxNames) {
        break;
      }
      batch.add(entry);
      names += entry.names().size();
    }
    return batch;
  }

  /** The distinct names of {@code batch}; only {@link EdgeKeys#ALL} when it purges everything. */
  static List<String> names(List<Entry> batch) {
    Set<String> names = new LinkedHashSet<>();
    batch.forEach(entry -> names.addAll(entry.names()));
    return names.contains(EdgeKeys.ALL) ? List.of(EdgeKeys.ALL) : List.copyOf(names);
  }

  /** Records that {@code edge} has every purge up to {@code seq}. */
  synchronized void delivered(String edge, long seq) {
    if (seq <= cursors.getOrDefault(edge, 0L)) {
      return;
    }
    cursors.put(edge, seq);
    dropDelivered();
    try {
      if (entries.isEmpty()) {
        channel.truncate(
            0); // everything delivered: nothing to keep (cursors only matter for entries)
        channel.force(false);
        lines = 0;
      } else if (lines >= compactLines && lines >= 2 * (entries.size() + cursors.size())) {
        // at least half the lines are delivered purges or old cursors: rare, whatever the backlog
        rewrite();
      } else {
        write(
            OutboxJournal.cursorLine(edge, seq)); // not forced: a lost cursor only repeats a purge
      }
    } catch (IOException e) {
      LOG.log(
          Level.WARNING,
          "[Edge] recording a delivery in " + file + " failed; it may be sent again",
          e);
    }
  }

  /** The seq of the last purge appended (0 before the first). */
  synchronized long lastSeq() {
    return lastSeq;
  }

  /**
   * The last purge {@code edge} has had; purges from before a restart that all edges had count as
   * had.
   */
  synchronized long cursor(String edge) {
    long cursor = cursors.getOrDefault(edge, 0L);
    return entries.isEmpty()
        ? Math.max(cursor, lastSeq)
        : Math.max(cursor, entries.peekFirst().seq() - 1);
  }

  synchronized int pendingCount(String edge) {
    long cursor = cursors.getOrDefault(edge, 0L);
    return (int) entries.stream().filter(entry -> entry.seq() > cursor).count();
  }

  /** When the oldest purge {@code edge} has not had was applied here. */
  synchronized OptionalLong oldestPendingMillis(String edge) {
    long cursor = cursors.getOrDefault(edge, 0L);
    return entries.stream()
        .filter(entry -> entry.seq() > cursor)
        .mapToLong(Entry::atMillis)
        .findFirst();
  }

  synchronized int size() {
    return entries.size();
  }

  private void dropDelivered() {
    long everywhere = cursors.values().stream().mapToLong(Long::longValue).min().orElse(lastSeq);
    while (!entries.isEmpty() && entries.peekFirst().seq() <= everywhere) {
      entries.removeFirst();
    }
  }

  // An edge that has been away for very long gets one purge of everything instead of all of them.
  private void foldIntoEverything() {
    LOG.warning(
        () ->
            "[Edge] over "
                + maxPending
                + " purges wait for an edge: folded into one purge of everything");
    long at = entries.peekFirst().atMillis();
    entries.clear();
    entries.add(new Entry(++lastSeq, at, List.of(EdgeKeys.ALL)));
    rewrite();
  }

  // The journal rewritten with what is pending: temp file, fsync, atomic rename.
  private void rewrite() {
    List<String> content = new ArrayList<>();
    cursors.forEach((edge, seq) -> content.add(OutboxJournal.cursorLine(edge, seq)));
    entries.forEach(entry -> content.add(OutboxJournal.entryLine(entry)));
    try {
      closeChannel();
      OutboxJournal.replace(file, content);
      channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
      lines = content.size();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the edge outbox " + file, e);
    }
  }

  private void write(String line) throws IOException {
    OutboxJournal.writeLine(channel, line);
    lines++;
  }

  private void closeChannel() throws IOException {
    if (channel != null) {
      channel.close();
      channel = null;
    }
  }

  @Override
  public synchronized void close() {
    try {
      closeChannel();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "[Edge] closing " + file + " failed", e);
    }
  }
}
