package com.gatewayz.modelpages.popularity;

import com.gatewayz.modelpages.isr.CacheSizing;
import com.gatewayz.modelpages.platform.DurableFiles;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Views per page key, decayed over time (half-life {@value #HALF_LIFE_HOURS} h) and persisted, so
 * popularity follows traffic. Counting is a lock-free adder increment; {@link #decay(double)} folds
 * the new views into the scores and is meant to run on one thread ({@link ViewDecay}: hourly and at
 * shutdown). At most {@value #MAX_KEYS} keys are tracked: the lowest scores are forgotten first,
 * and new views go to a bounded cache that keeps the most viewed keys. Only keys that named a page
 * are counted (the cache's business), so made-up paths cannot push real pages out.
 */
public final class ViewCounts {

  static final int HALF_LIFE_HOURS = 24;
  static final int MAX_KEYS = 50_000;
  private static final Logger LOG = Logger.getLogger(ViewCounts.class.getName());

  private final Cache<String, LongAdder> fresh =
      Caffeine.newBuilder().maximumSize(MAX_KEYS).executor(Runnable::run).build();
  private volatile Map<String, Double> scores = Map.of();
  private final Path file;

  /**
   * @param file where scores are kept across restarts; null keeps them in memory only
   */
  public ViewCounts(Path file) {
    this.file = file;
    this.scores = load(file);
  }

  /** View counts kept beside the cache's persistent tier, or in memory when it has none. */
  public static ViewCounts forCache(CacheSizing sizing) {
    return new ViewCounts(sizing.diskMb() > 0 ? sizing.directory().resolve("views.tsv") : null);
  }

  /** Counts one view of {@code key}. */
  public void viewed(String key) {
    LongAdder adder = fresh.getIfPresent(key);
    if (adder == null) {
      adder = fresh.get(key, k -> new LongAdder());
    }
    adder.increment();
  }

  /** The decayed views of {@code key}, including views not yet folded in. */
  public double score(String key) {
    LongAdder adder = fresh.getIfPresent(key);
    return scores.getOrDefault(key, 0.0) + (adder == null ? 0 : adder.sum());
  }

  /**
   * Ages the scores by {@code hours} and folds in the views since the last call; keeps the {@value
   * #MAX_KEYS} best. Then saves them.
   */
  public synchronized void decay(double hours) {
    double factor = Math.pow(0.5, hours / HALF_LIFE_HOURS);
    Map<String, Double> next = new HashMap<>();
    scores.forEach((key, score) -> next.put(key, score * factor));
    fresh
        .asMap()
        .forEach((key, adder) -> next.merge(key, (double) adder.sumThenReset(), Double::sum));
    fresh.asMap().values().removeIf(adder -> adder.sum() == 0);
    next.values().removeIf(score -> score < 0.01);
    scores = bounded(next);
    save();
  }

  private static Map<String, Double> bounded(Map<String, Double> scores) {
    if (scores.size() <= MAX_KEYS) {
      return Map.copyOf(scores);
    }
    Map<String, Double> best = new HashMap<>();
    scores.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .limit(MAX_KEYS)
        .forEach(entry -> best.put(entry.getKey(), entry.getValue()));
    return Map.copyOf(best);
  }

  /**
   * The rest of each viewed key that starts with {@code prefix} (for page paths, the model ids):
   * the keys with a score or views not yet folded in.
   */
  public Set<String> viewedIdsOf(String prefix) {
    Set<String> ids = new HashSet<>();
    scores.keySet().forEach(key -> addAfter(prefix, key, ids));
    fresh.asMap().keySet().forEach(key -> addAfter(prefix, key, ids));
    return ids;
  }

  private static void addAfter(String prefix, String key, Set<String> ids) {
    if (key.startsWith(prefix)) {
      ids.add(key.substring(prefix.length()));
    }
  }

  /** Keys by score, highest first. */
  public List<String> top(int limit) {
    List<String> keys = new ArrayList<>(scores.keySet());
    fresh
        .asMap()
        .keySet()
        .forEach(
            key -> {
              if (!scores.containsKey(key)) {
                keys.add(key);
              }
            });
    keys.sort(
        Comparator.comparingDouble(this::score)
            .reversed()
            .thenComparing(Comparator.naturalOrder()));
    return keys.size() <= limit ? keys : keys.subList(0, limit);
  }

  private static Map<String, Double> load(Path file) {
    if (file == null || !Files.exists(file)) {
      return Map.of();
    }
    Map<String, Double> loaded = new HashMap<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        int tab = line.lastIndexOf('\t');
        if (tab > 0) {
          loaded.put(line.substring(0, tab), Double.parseDouble(line.substring(tab + 1)));
        }
      }
    } catch (IOException | RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "[Popularity] view counts in " + file + " cannot be read; starting from zero",
          e);
      return Map.of();
    }
    return bounded(loaded);
  }

  private void save() {
    if (file == null) {
      return;
    }
    StringBuilder text = new StringBuilder();
    scores.forEach((key, score) -> text.append(key).append('\t').append(score).append('\n'));
    try {
      DurableFiles.replace(file, text.toString().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save view counts to " + file, e);
    }
  }
}
