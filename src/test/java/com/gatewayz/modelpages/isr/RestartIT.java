package com.gatewayz.modelpages.isr;

import static com.gatewayz.modelpages.testing.Http.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.gatewayz.modelpages.testing.Deployments;
import com.gatewayz.modelpages.testing.Http;
import com.gatewayz.modelpages.testing.ItServer;
import com.gatewayz.modelpages.testing.Webhooks;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A clean restart of the application (undeploy and deploy again; on Payara Micro a new server
 * process): earlier pages are HITs without a render, purges made before stay purged, and a model a
 * webhook added is still served.
 */
@ExtendWith(ArquillianExtension.class)
class RestartIT {

  static final String DEPLOYMENT = "restart";

  static Path dataDir;

  @ArquillianResource Deployer deployer;

  @Deployment(name = DEPLOYMENT, managed = false, testable = false)
  static WebArchive deployment() throws IOException {
    dataDir = Files.createTempDirectory("restart-it");
    return Deployments.modelPages(
        Map.of(
            "MODEL_PAGES_DATA_DIR",
            dataDir.toString(),
            "MODEL_PAGES_PRERENDER_LIMIT",
            "3",
            "MODEL_PAGES_REFRESH_SECONDS",
            "0",
            "MODEL_WEBHOOK_SECRET",
            Webhooks.SECRET,
            "MODEL_PAGES_ADMIN_TOKEN",
            Deployments.ADMIN_TOKEN));
  }

  @Test
  void pagesAndPurgesSurviveARestart() {
    deployer.deploy(DEPLOYMENT);
    Http http = new Http(ItServer.deploymentUrl("model-pages"));
    awaitReady(http);
    http.get("/models/openai/gpt-4o");
    http.get("/models/openai/o3");
    http.post(
        "/api/cache/invalidate",
        "{\"type\":\"model-detail\",\"modelId\":\"openai/o3\"}",
        "Authorization",
        Deployments.ADMIN_AUTH);
    String added =
        Webhooks.modelEvent("models.added", "xai", "xai/grok-durable", "0.000002", Webhooks.T0);
    assertThat(
            http.post(
                    "/api/webhooks/models-updated",
                    added,
                    "x-webhook-signature",
                    Webhooks.signature(added))
                .statusCode())
        .isEqualTo(200);

    deployer.undeploy(DEPLOYMENT);
    // Payara Micro's adapter stops the server with a signal and returns at once: a real restart
    // starts the new server once the old one is gone, so wait until it let go of the cache.
    awaitCacheReleased();
    deployer.deploy(DEPLOYMENT);
    awaitReady(http);

    assertThat(http.get("/api/cache", "Authorization", Deployments.ADMIN_AUTH).body())
        .contains("\"renders\":0");
    assertThat(header(http.get("/models/openai/gpt-4o"), "X-Cache")).isEqualTo("HIT");
    assertThat(header(http.get("/models/openai/o3"), "X-Cache")).isEqualTo("MISS");
    assertThat(http.get("/models/xai/grok-durable").body()).contains("$2.00 / 1M");
    deployer.undeploy(DEPLOYMENT);
  }

  // Ehcache holds a file lock on its directory until it closed cleanly.
  private static void awaitCacheReleased() {
    Path lock = dataDir.resolve("cache").resolve(".lock");
    await().atMost(Duration.ofSeconds(60)).until(() -> isUnlocked(lock));
  }

  private static boolean isUnlocked(Path lock) throws IOException {
    if (!Files.exists(lock)) {
      return true;
    }
    try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE);
        FileLock held = channel.tryLock()) {
      return held != null;
    }
  }

  private static void awaitReady(Http http) {
    await()
        .atMost(Duration.ofSeconds(90))
        .ignoreExceptions()
        .until(() -> http.get("/health/ready").statusCode() == 200);
  }
}
