package com.gatewayz.modelpages.crash;

import java.util.List;
import java.util.Locale;
import java.util.LongSummaryStatistics;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** The figures of a crash run: rounds, their pace, restarts, and what was sent. */
final class CrashSummary {

  private CrashSummary() {}

  static String of(List<CrashScenario.RoundStats> rounds) {
    if (rounds.isEmpty()) {
      return "no round completed";
    }
    return pace(rounds) + "; " + sent(rounds);
  }

  private static String pace(List<CrashScenario.RoundStats> rounds) {
    LongSummaryStatistics round =
        rounds.stream().mapToLong(CrashScenario.RoundStats::roundMillis).summaryStatistics();
    LongSummaryStatistics restart =
        rounds.stream().mapToLong(CrashScenario.RoundStats::restartMillis).summaryStatistics();
    long kills = rounds.stream().filter(stats -> stats.stop().kill()).count();
    long wiped =
        rounds.stream().filter(stats -> stats.stop().kill() && stats.diskTierWiped()).count();
    List<Integer> torn =
        rounds.stream()
            .filter(CrashScenario.RoundStats::torn)
            .map(CrashScenario.RoundStats::round)
            .toList();
    double minutes = round.getSum() / 60_000.0;
    return String.format(
        Locale.ROOT,
        "%d rounds (%d kill -9, %d clean stops; torn journal tail after rounds %s) in %.1f min: %.1f rounds/min, "
            + "%.1f s per round (max %.1f s), restart to ready %.1f s (max %.1f s); disk tier wiped after %d of %d kills",
        rounds.size(),
        kills,
        rounds.size() - kills,
        torn,
        minutes,
        rounds.size() / minutes,
        round.getAverage() / 1000,
        round.getMax() / 1000.0,
        restart.getAverage() / 1000,
        restart.getMax() / 1000.0,
        wiped,
        kills);
  }

  private static String sent(List<CrashScenario.RoundStats> rounds) {
    return sum(rounds, tally -> tally.webhooksAcknowledged)
        + " model changes acknowledged, "
        + sum(rounds, tally -> tally.webhooksInDoubt)
        + " in doubt, "
        + sum(rounds, tally -> tally.refreshesAcknowledged)
        + " stub refreshes acknowledged, "
        + sum(rounds, tally -> tally.purges)
        + " admin purges";
  }

  private static int sum(
      List<CrashScenario.RoundStats> rounds, Function<Tally, AtomicInteger> counter) {
    return rounds.stream().mapToInt(stats -> counter.apply(stats.tally()).get()).sum();
  }
}
