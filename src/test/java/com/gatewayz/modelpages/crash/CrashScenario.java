package com.gatewayz.modelpages.crash;

import com.gatewayz.modelpages.testing.ForkedServer;
import com.gatewayz.modelpages.testing.Http;
import com.gatewayz.modelpages.testing.StubGateway;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Rounds of: arm purge probes, send a stream of operations from two workers, stop the server at a
 * random moment (SIGKILL; one round in ten a clean SIGTERM), restart it, check the invariants.
 * Everything random comes from one seed: a replay with the same seed sends the same operations and
 * stops after the same delays (how they interleave with the server's threads varies).
 */
final class CrashScenario {

  /** A model only a webhook announced: a start-up that fell back to the curated catalog lost it. */
  static final String SENTINEL = "crashlab/sentinel";

  private static final int WORKERS = 2;
  private static final int MAX_STOP_DELAY_MILLIS = 3_000;
  private static final int CLEAN_STOP_PERCENT = 10;
  private static final int TORN_TAIL_PERCENT = 20;
  // A new list makes the next refresh rewrite the snapshot, which empties the journal: most
  // rounds keep the list, so their journal (and a torn tail) lives on into the next round.
  private static final int NEW_STUB_LIST_PERCENT = 30;
  private static final long ROUND_TIMEOUT_SECONDS = 120;
  private static final String DISK_TIER_WIPED =
      "Probably unclean shutdown was done, so deleted root directory";
  private static final Logger LOG = Logger.getLogger(CrashScenario.class.getName());

  /** What one round did and how long it took. */
  record RoundStats(
      int round,
      Stop stop,
      boolean torn,
      Tally tally,
      long restartMillis,
      long roundMillis,
      boolean diskTierWiped) {}

  /**
   * How a round ends: SIGKILL or SIGTERM, after how long, and whether a torn line follows a kill.
   */
  record Stop(boolean kill, long afterMillis, boolean tear, long tearSeed) {

    static Stop draw(Random random) {
      boolean kill = random.nextInt(100) >= CLEAN_STOP_PERCENT;
      long after = random.nextInt(MAX_STOP_DELAY_MILLIS);
      return new Stop(
          kill, after, kill && random.nextInt(100) < TORN_TAIL_PERCENT, random.nextLong());
    }

    String describe(boolean torn) {
      return (kill ? "kill -9" : "clean stop")
          + " after "
          + afterMillis
          + " ms"
          + (torn ? " + torn journal tail" : "");
    }
  }

  private final Random random;
  private final ForkedServer server;
  private final StubGateway stub;
  private final Path dataDir;
  private final Ledger ledger = new Ledger();
  private final Findings findings = new Findings();
  private final AtomicInteger acknowledgedStubVersion = new AtomicInteger(-1);
  private final Set<String> lostStubModels = new HashSet<>();
  private int stubVersion;

  /**
   * @param dataDir the server's MODEL_PAGES_DATA_DIR, kept across its restarts
   */
  CrashScenario(long seed, ForkedServer server, StubGateway stub, Path dataDir) {
    this.random = new Random(seed);
    this.server = server;
    this.stub = stub;
    this.dataDir = dataDir;
  }

  /** The first start, on an empty data directory, and the sentinel model. */
  void begin() {
    stub.setList(StubLists.json(0));
    server.start();
    WebhookSender sender = new WebhookSender(ledger, findings, new Tally());
    ModelState sentinel = ModelState.served(Workload.randomPrice(random));
    if (!sender.send(server.http(), "models.added", "xai", Map.of(SENTINEL, sentinel))) {
      throw new IllegalStateException("the sentinel model was not acknowledged: " + findings.all());
    }
  }

  RoundStats round(int number) {
    long start = System.nanoTime();
    findings.round("round " + number);
    if (random.nextInt(100) < NEW_STUB_LIST_PERCENT) {
      stub.setList(StubLists.json(++stubVersion));
    }
    Tally tally = new Tally();
    List<PurgeProbes.Probe> armed = armProbes(tally);
    Stop stop = Stop.draw(random);
    streamUntilStopped(
        new Workload.Round(stubVersion, acknowledgedStubVersion, probedIds(armed), findings, tally),
        stop);
    boolean torn = stop.tear() && TornTail.tear(dataDir, new Random(stop.tearSeed()));
    findings.round("round " + number + " (" + stop.describe(torn) + ")");
    long restart = System.nanoTime();
    server.start();
    long restartMillis = millisSince(restart);
    check(armed);
    boolean wiped = server.log().contains(DISK_TIER_WIPED);
    return logged(
        new RoundStats(number, stop, torn, tally, restartMillis, millisSince(start), wiped));
  }

  private List<PurgeProbes.Probe> armProbes(Tally tally) {
    PurgeProbes probes =
        new PurgeProbes(new Random(random.nextLong()), new WebhookSender(ledger, findings, tally));
    return probes.arm(server.http(), servedModels());
  }

  private void streamUntilStopped(Workload.Round round, Stop stop) {
    Http http = server.http();
    ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int worker = 0; worker < WORKERS; worker++) {
        Random seeded = new Random(random.nextLong());
        running.add(workers.submit(new Workload(seeded, worker, WORKERS, http, ledger, round)));
      }
      Runnable stopping = stop.kill() ? server::kill9 : server::stop;
      timer
          .schedule(stopping, stop.afterMillis(), TimeUnit.MILLISECONDS)
          .get(ROUND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      for (Future<?> worker : running) {
        worker.get(ROUND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("a worker or the stop failed: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "the round did not end within " + ROUND_TIMEOUT_SECONDS + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      workers.shutdownNow();
      timer.shutdownNow();
    }
  }

  // Probes first: any page request before them could render them again.
  private void check(List<PurgeProbes.Probe> armed) {
    Http http = server.http();
    PurgeProbes.check(http, armed, findings);
    Invariants invariants = new Invariants(http, findings);
    invariants.checkStartLog(server.log());
    invariants.checkWebhookModels(ledger);
    invariants.checkStubModels(acknowledgedStubVersion.get(), stubVersion, lostStubModels);
  }

  private List<String> servedModels() {
    return ledger.ids().stream().filter(id -> ledger.latest(id).isServed()).toList();
  }

  private static Set<String> probedIds(List<PurgeProbes.Probe> armed) {
    return armed.stream()
        .map(probe -> probe.path().substring("/models/".length()))
        .collect(Collectors.toSet());
  }

  List<String> findings() {
    return findings.all();
  }

  private static long millisSince(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
  }

  private static RoundStats logged(RoundStats stats) {
    LOG.info(
        () ->
            "[Crash] round "
                + stats.round()
                + ": "
                + stats.stop().describe(stats.torn())
                + ", "
                + stats.tally()
                + "; restart "
                + stats.restartMillis()
                + " ms"
                + (stats.diskTierWiped() ? " (disk tier wiped)" : "")
                + "; round "
                + stats.roundMillis()
                + " ms");
    return stats;
  }
}
