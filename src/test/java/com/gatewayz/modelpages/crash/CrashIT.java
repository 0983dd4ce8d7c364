package com.gatewayz.modelpages.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.gatewayz.modelpages.testing.Deployments;
import com.gatewayz.modelpages.testing.ForkedServer;
import com.gatewayz.modelpages.testing.StubGateway;
import com.gatewayz.modelpages.testing.Webhooks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash-proof, by fault injection: the built WAR on a forked Tomcat is killed with SIGKILL at
 * random moments of a stream of signed webhooks, gateway refreshes and admin purges, restarted on
 * the same data directory, and checked ({@link CrashScenario}, {@link Invariants}, {@link
 * PurgeProbes}). Only the pom's it-crash execution runs it ({@code crash.rounds}: a few rounds in
 * {@code mvn verify}, 50 in {@code mvn -Pcrash verify}). The seed is logged and in every failure;
 * replay with {@code -Dcrash.seed=<seed> -Dcrash.rounds=<n>}.
 */
class CrashIT {

  private static final Logger LOG = Logger.getLogger(CrashIT.class.getName());

  @Test
  void nothingAcknowledgedIsLostAndNothingPurgedComesBack(@TempDir Path dir) throws IOException {
    Integer rounds = Integer.getInteger("crash.rounds");
    String only = System.getProperty("it.test", "");
    assumeTrue(
        rounds != null && (only.isBlank() || only.contains("Crash")),
        "only the it-crash execution runs it");
    long seed = seed();
    LOG.info(() -> "[Crash] seed " + seed + ", " + rounds + " rounds");
    List<CrashScenario.RoundStats> done = new ArrayList<>();
    try (StubGateway stub = StubGateway.start();
        ForkedServer server = server(dir, stub)) {
      CrashScenario scenario = new CrashScenario(seed, server, stub, dir.resolve("data"));
      try {
        scenario.begin();
        for (int round = 1; round <= rounds; round++) {
          done.add(scenario.round(round));
        }
      } catch (RuntimeException e) {
        throw new AssertionError(
            replay(seed, rounds)
                + " failed in round "
                + (done.size() + 1)
                + ": "
                + e.getMessage()
                + "\nfindings so far: "
                + scenario.findings(),
            e);
      }
      LOG.info(() -> "[Crash] " + CrashSummary.of(done));
      assertThat(scenario.findings())
          .as(replay(seed, rounds) + "; " + CrashSummary.of(done))
          .isEmpty();
    }
  }

  private static long seed() {
    String given = System.getProperty("crash.seed", "");
    return given.isBlank() ? new SecureRandom().nextLong() : Long.parseLong(given.strip());
  }

  private static String replay(long seed, int rounds) {
    return "crash seed "
        + seed
        + " (replay: -Dcrash.seed="
        + seed
        + " -Dcrash.rounds="
        + rounds
        + ")";
  }

  private static ForkedServer server(Path dir, StubGateway stub) throws IOException {
    Path registry = dir.resolve("gateways.json");
    Files.writeString(registry, registry(stub.url()));
    Map<String, String> settings =
        Map.of(
            "MODEL_PAGES_DATA_DIR",
            Files.createDirectories(dir.resolve("data")).toString(),
            "MODEL_PAGES_GATEWAYS_FILE",
            registry.toString(),
            "MODEL_PAGES_REFRESH_SECONDS",
            "1",
            "MODEL_PAGES_PRERENDER_LIMIT",
            "0",
            "MODEL_PAGES_CACHE_OFFHEAP_MB",
            "16",
            "MODEL_PAGES_CACHE_DISK_MB",
            "64",
            "MODEL_WEBHOOK_SECRET",
            Webhooks.SECRET,
            "MODEL_PAGES_ADMIN_TOKEN",
            Deployments.ADMIN_TOKEN);
    Path home =
        Path.of(System.getProperty("crash.catalina.home", "target/tomcat/apache-tomcat-11.0.24"));
    Path war = Path.of("target/model-pages.war");
    return ForkedServer.create(
        home,
        war,
        dir.resolve("catalina-base"),
        settings,
        Integer.getInteger("it.crash.http.port", 0));
  }

  // The stub is the one gateway that is fetched; the webhooks' gateways need keys nobody set, so
  // refreshes skip them and only webhooks change their models.
  private static String registry(String stubUrl) {
    String entry =
        "{\"id\":\"%s\",\"displayName\":\"%s\",\"listUrl\":\"%s\",\"format\":\"%s\",\"apiKeyEnv\":%s,"
            + "\"priority\":\"fast\",\"order\":%d,\"enabled\":true,\"aliases\":[],\"deprecated\":false}";
    List<String> gateways = new ArrayList<>();
    gateways.add(entry.formatted("openrouter", "Stub", stubUrl, "openrouter", "null", 10));
    int order = 20;
    for (String gateway : Workload.GATEWAYS) {
      String key = "\"" + gateway.toUpperCase(java.util.Locale.ROOT) + "_API_KEY\"";
      gateways.add(
          entry.formatted(
              gateway, gateway, "https://" + gateway + ".invalid/v1/models", "openai", key, order));
      order += 10;
    }
    return "{\"gateways\":[" + String.join(",", gateways) + "]}";
  }
}
