package com.gatewayz.modelpages.webhook;

import com.gatewayz.modelpages.isr.Invalidation;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The purges webhook deliveries still owe: their change was applied and stored, but its pages could
 * not be purged (answered 503). The sender's retry of the same body then changes nothing, so
 * without this it would purge nothing and the pages would stay outdated. Kept by the SHA-256 of the
 * body, so a retry under a new {@code webhook-id} (or none) finds its debt; the body is hashed only
 * while something is owed. Holds at most {@link #MAX_NAMES} tags and paths, forgetting the oldest
 * debts first (logged). Per node: in memory, and when built {@link #storedIn} a file of the data
 * directory rewritten on every change, so a restart between the 503 and the retry does not forget
 * the debt (a file that cannot be written leaves the debt in memory only, logged). Thread-safe.
 */
final class OwedPurges {

  /** The most tags and paths owed at once. */
  static final int MAX_NAMES = 100_000;

  private static final Logger LOG = Logger.getLogger(OwedPurges.class.getName());

  private final int maxNames;
  private final Map<String, Invalidation> owed = new LinkedHashMap<>();
  private final OwedPurgesFile file; // null: in memory only
  private int names;

  OwedPurges() {
    this(MAX_NAMES);
  }

  OwedPurges(int maxNames) {
    this(maxNames, null);
  }

  private OwedPurges(int maxNames, OwedPurgesFile file) {
    this.maxNames = maxNames;
    this.file = file;
  }

  /** The debts {@link OwedPurgesFile#NAME} in {@code dataDir} holds, kept there from now on. */
  static OwedPurges storedIn(Path dataDir, Clock clock) {
    return storedIn(dataDir, clock, MAX_NAMES);
  }

  static OwedPurges storedIn(Path dataDir, Clock clock, int maxNames) {
    OwedPurgesFile file = new OwedPurgesFile(dataDir.resolve(OwedPurgesFile.NAME), clock, maxNames);
    OwedPurges owed = new OwedPurges(maxNames, file);
    owed.restore(file.read());
    return owed;
  }

  private synchronized void restore(Map<String, Invalidation> stored) {
    stored.forEach(
        (key, invalidation) -> {
          owed.put(key, invalidation);
          names += size(invalidation);
        });
    if (names > maxNames) {
      forgetOldestPast(List.copyOf(owed.keySet()).get(owed.size() - 1));
      save();
    }
    if (!owed.isEmpty()) {
      LOG.info(
          () ->
              "[Webhook] "
                  + owed.size()
                  + " webhook deliveries still owe a purge to their retry ("
                  + file.path()
                  + ")");
    }
  }

  /** What the delivery of {@code body} still owes; {@link Invalidation#NOTHING} when nothing. */
  synchronized Invalidation of(byte[] body) {
    return owed.isEmpty()
        ? Invalidation.NOTHING
        : owed.getOrDefault(key(body), Invalidation.NOTHING);
  }

  /** The delivery of {@code body} owes {@code invalidation} (in place of what it owed before). */
  synchronized void owe(byte[] body, Invalidation invalidation) {
    String key = key(body);
    forget(key);
    owed.put(key, invalidation);
    names += size(invalidation);
    forgetOldestPast(key);
    save();
  }

  /** The delivery of {@code body} owes nothing any more. */
  synchronized void paid(byte[] body) {
    if (!owed.isEmpty() && forget(key(body))) {
      save();
    }
  }

  private boolean forget(String key) {
    Invalidation removed = owed.remove(key);
    if (removed != null) {
      names -= size(removed);
    }
    return removed != null;
  }

  // Debts are rare: rewriting them all on each change costs little.
  private void save() {
    if (file == null) {
      return;
    }
    try {
      file.write(owed);
    } catch (IOException e) {
      LOG.warning(
          () ->
              "[Webhook] Could not store the purges owed to webhook retries in "
                  + file.path()
                  + " ("
                  + e
                  + "): kept in memory only, a restart before the retry forgets them");
    }
  }

  /** The tags and paths of both, each once, in order. */
  static Invalidation union(Invalidation first, Invalidation second) {
    if (second.isEmpty()) {
      return first;
    }
    return new Invalidation(
        distinct(first.tags(), second.tags()), distinct(first.paths(), second.paths()));
  }

  /** The tags and paths of {@code first} that {@code second} does not have. */
  static Invalidation minus(Invalidation first, Invalidation second) {
    if (first.isEmpty() || second.isEmpty()) {
      return first;
    }
    List<String> tags = new ArrayList<>(first.tags());
    tags.removeAll(second.tags());
    List<String> paths = new ArrayList<>(first.paths());
    paths.removeAll(second.paths());
    return new Invalidation(tags, paths);
  }

  private static List<String> distinct(List<String> first, List<String> second) {
    LinkedHashSet<String> all = new LinkedHashSet<>(first);
    all.addAll(second);
    return new ArrayList<>(all);
  }

  // The newest debt is kept even when it alone is over the bound: it is what the sender retries.
  private void forgetOldestPast(String newest) {
    Iterator<Map.Entry<String, Invalidation>> oldest = owed.entrySet().iterator();
    while (names > maxNames && oldest.hasNext()) {
      Map.Entry<String, Invalidation> debt = oldest.next();
      if (!debt.getKey().equals(newest)) {
        int forgotten = size(debt.getValue());
        oldest.remove();
        names -= forgotten;
        LOG.warning(
            () ->
                "[Webhook] Forgot a purge owed to a delivery not yet retried ("
                    + forgotten
                    + " tags and paths): too many owed at once; those pages update when they are revalidated");
      }
    }
  }

  private static int size(Invalidation invalidation) {
    return invalidation.tags().size() + invalidation.paths().size();
  }

  private static String key(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
