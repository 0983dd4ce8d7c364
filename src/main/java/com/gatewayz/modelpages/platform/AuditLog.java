package com.gatewayz.modelpages.platform;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * The admin page's audit log: the last {@value #CAPACITY} webhook deliveries, purges, refresh runs
 * and refused admin tokens with their outcome, newest first. Thread-safe: {@link #record} and
 * {@link #entries()} may be called from any thread; the oldest entry is dropped when the log is
 * full. Kept in memory only, so a restart starts an empty log.
 */
public final class AuditLog {

  public static final int CAPACITY = 100;
  public static final int MAX_DETAIL = 300;
  public static final int MAX_LABEL = 40;

  /**
   * One event.
   *
   * @param kind {@code webhook}, {@code purge}, {@code refresh} or {@code sign-in}
   * @param outcome a short word ({@code ok}, {@code unauthorized}, {@code purged}, ...)
   * @param detail one line, at most {@value #MAX_DETAIL} characters
   */
  public record Entry(Instant time, String kind, String outcome, String detail) {

    public Entry {
      Objects.requireNonNull(time, "time");
      kind = bounded(kind, MAX_LABEL);
      outcome = bounded(outcome, MAX_LABEL);
      detail = bounded(detail, MAX_DETAIL);
    }
  }

  private final Clock clock;
  private final Deque<Entry> entries = new ArrayDeque<>(CAPACITY);

  public AuditLog(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Adds an entry stamped with the clock's time; null texts are recorded as empty. */
  public void record(String kind, String outcome, String detail) {
    Entry entry = new Entry(clock.instant(), kind, outcome, detail);
    synchronized (entries) {
      if (entries.size() == CAPACITY) {
        entries.removeLast();
      }
      entries.addFirst(entry);
    }
  }

  /** A snapshot of the entries, newest first. */
  public List<Entry> entries() {
    synchronized (entries) {
      return List.copyOf(new ArrayList<>(entries));
    }
  }

  // Details may carry text from webhook bodies: one line, bounded, no control characters.
  static String bounded(String text, int max) {
    if (text == null) {
      return "";
    }
    String line = text.replaceAll("\\p{Cntrl}+", " ").strip();
    if (line.length() <= max) {
      return line;
    }
    int cut = Character.isHighSurrogate(line.charAt(max - 2)) ? max - 2 : max - 1;
    return line.substring(0, cut) + "…";
  }
}
