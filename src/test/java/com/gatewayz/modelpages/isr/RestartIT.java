package com.gatewayz.modelpages.isr;

import static com.gatewayz.modelpages.testing.Http.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.gatewayz.modelpages.testing.Deployments;
import com.gatewayz.modelpages.testing.Http;
import com.gatewayz.modelpages.testing.ItServer;
import java.io.IOException;
import java.nio.file.Files;
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
 * process): earlier pages are HITs without a render, purges made before stay purged.
 */
@ExtendWith(ArquillianExtension.class)
class RestartIT {

  static final String DEPLOYMENT = "restart";
  static final String AUTH = "Bearer " + IsrIT.TOKEN;

  @ArquillianResource Deployer deployer;

  @Deployment(name = DEPLOYMENT, managed = false, testable = false)
  static WebArchive deployment() throws IOException {
    return Deployments.modelPages(
        Map.of(
            "MODEL_PAGES_DATA_DIR", Files.createTempDirectory("restart-it").toString(),
            "MODEL_PAGES_PRERENDER_LIMIT", "3",
            "MODEL_PAGES_ADMIN_TOKEN", IsrIT.TOKEN));
  }

  @Test
  void pagesAndPurgesSurviveARestart() {
    deployer.deploy(DEPLOYMENT);
    Http http = new Http(ItServer.deploymentUrl("model-pages"));
    awaitReady(http);
    http.get("/models/openai/gpt-4o");
    http.get("/models/openai/o3");
    http.post("/api/cache/invalidate", "{\"type\":\"model-detail\",\"modelId\":\"openai/o3\"}", "Authorization", AUTH);

    deployer.undeploy(DEPLOYMENT);
    deployer.deploy(DEPLOYMENT);
    awaitReady(http);

    assertThat(http.get("/api/cache", "Authorization", AUTH).body()).contains("\"renders\":0");
    assertThat(header(http.get("/models/openai/gpt-4o"), "X-Cache")).isEqualTo("HIT");
    assertThat(header(http.get("/models/openai/o3"), "X-Cache")).isEqualTo("MISS");
    deployer.undeploy(DEPLOYMENT);
  }

  private static void awaitReady(Http http) {
    await()
        .atMost(Duration.ofSeconds(90))
        .ignoreExceptions()
        .until(() -> http.get("/health/ready").statusCode() == 200);
  }
}
