package com.gatewayz.modelpages.isr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.gatewayz.modelpages.edge.EdgeForwarder;
import com.gatewayz.modelpages.edge.EdgeStatus;
import com.gatewayz.modelpages.platform.ServiceRegistry;
import com.gatewayz.modelpages.testing.EmbeddedSite;
import com.gatewayz.modelpages.testing.EmbeddedTomcat;
import com.gatewayz.modelpages.testing.RecordingServer;
import com.gatewayz.modelpages.testing.TerracottaServer;
import com.gatewayz.modelpages.testing.Webhooks;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two nodes sharing one cache through Ehcache's clustered tier on a real Terracotta server, over
 * HTTP: pages, purges and webhook changes cross nodes; when the server dies both nodes keep
 * answering and refuse changes, and when it comes back purges propagate again. Each test uses pages
 * of its own and leaves the server running, so they run in any order.
 */
@Tag("cluster")
class ClusterIT {

  private static final Logger LOG = Logger.getLogger(ClusterIT.class.getName());
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  // Daemon threads: a feed is read until its node closes it.
  private static final ExecutorService FEED_READERS =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "cluster-test-feed");
            thread.setDaemon(true);
            return thread;
          });

  static TerracottaServer terracotta;
  static EmbeddedTomcat nodeA;
  static EmbeddedTomcat nodeB;
  // Each node forwards its purges to an edge of its own (a stand-in for Varnish).
  static RecordingServer edgeOfA;
  static RecordingServer edgeOfB;

  @BeforeAll
  static void startCluster() throws Exception {
    Assumptions.assumeTrue(
        TerracottaServer.isAvailable(), "the build unpacks the Terracotta kit first");
    terracotta = TerracottaServer.start();
    edgeOfA = RecordingServer.start(RecordingServer.Answer.of(200, "purged"));
    edgeOfB = RecordingServer.start(RecordingServer.Answer.of(200, "purged"));
    nodeA = node(edgeOfA);
    nodeB = node(edgeOfB);
  }

  private static EmbeddedTomcat node(RecordingServer edge) throws Exception {
    return EmbeddedSite.start(
        Map.of(
            "MODEL_PAGES_DATA_DIR",
            Files.createTempDirectory("cluster-node").toString(),
            "MODEL_PAGES_PRERENDER_LIMIT",
            "0",
            "MODEL_PAGES_CLUSTER_URI",
            terracotta.uri("model-pages").toString(),
            "MODEL_PAGES_CLUSTER_CACHE_MB",
            "64",
            "MODEL_WEBHOOK_SECRET",
            Webhooks.SECRET,
            "MODEL_PAGES_EDGE_VARNISH_URLS",
            edge.url()));
  }

  @AfterAll
  static void stopCluster() {
    if (nodeA != null) {
      nodeA.close();
    }
    if (nodeB != null) {
      nodeB.close();
    }
    if (terracotta != null) {
      terracotta.close();
    }
    for (RecordingServer edge : new RecordingServer[] {edgeOfA, edgeOfB}) {
      if (edge != null) {
        edge.close();
      }
    }
  }

  // A test that restarted the server (or failed while it was down) leaves the nodes reconnecting.
  @BeforeEach
  void awaitConnected() {
    await()
        .atMost(PATIENCE)
        .until(() -> isr(nodeA).isClusterAvailable() && isr(nodeB).isClusterAvailable());
  }

  private static boolean forwarded(RecordingServer edge, String id) {
    return edge.requests().stream()
        .anyMatch(request -> String.valueOf(request.header("xkey")).contains("model:" + id));
  }

  /** A node's live feed, read on a thread of its own: every line it sends is added to the list. */
  private static List<String> liveFeedOf(EmbeddedTomcat node) {
    List<String> lines = new CopyOnWriteArrayList<>();
    HttpRequest request =
        HttpRequest.newBuilder(node.uri("/api/models/events"))
            .header("Accept", "text/event-stream")
            .build();
    HttpClient.newHttpClient()
        .sendAsync(request, HttpResponse.BodyHandlers.ofLines())
        .thenAcceptAsync(response -> response.body().forEach(lines::add), FEED_READERS);
    return lines;
  }

  private static String xCache(HttpResponse<byte[]> response) {
    return response.headers().firstValue("X-Cache").orElse(null);
  }

  private static String body(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  private static int webhook(EmbeddedTomcat node, String body) {
    return webhookResponse(node, body).statusCode();
  }

  private static HttpResponse<byte[]> webhookResponse(EmbeddedTomcat node, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(node.uri("/api/webhooks/models-updated"))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json")
            .header("x-webhook-signature", Webhooks.signature(body));
    return node.send(request);
  }

  private static Isr isr(EmbeddedTomcat node) {
    return ServiceRegistry.from(node.servletContext()).get(Isr.class);
  }

  @Test
  void aPageRenderedOnOneNodeIsAHitOnTheOther() {
    HttpResponse<byte[]> onA = nodeA.get("/models/openai/gpt-4o");
    HttpResponse<byte[]> onB = nodeB.get("/models/openai/gpt-4o");

    assertThat(xCache(onA)).isEqualTo("MISS");
    assertThat(xCache(onB)).isEqualTo("HIT");
    assertThat(onB.body()).isEqualTo(onA.body());
  }

  @Test
  void aWebhookOnOneNodeIsServedAndAnnouncedByTheOtherAndPurgesBoth() {
    String id = "xai/grok-cluster";
    assertThat(nodeB.get("/models/" + id).statusCode()).isEqualTo(404);
    List<String> feedB = liveFeedOf(nodeB);
    await().atMost(PATIENCE).until(() -> feedB.contains(": connected"));

    assertThat(
            webhook(nodeA, Webhooks.modelEvent("models.added", "xai", id, "0.000001", Webhooks.T0)))
        .isEqualTo(200);

    // Announced by B with no request to B: its follower picks the change up from the cluster.
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                feedB.stream()
                    .anyMatch(line -> line.startsWith("data:") && line.contains("\"" + id + "\"")));
    assertThat(feedB).contains("event: models.added");
    // Only the node that purged forwards the purge: the edge gets it once, not once per node.
    // (Other tests purge through either node, in any order: only this model's purge is looked at.)
    await().atMost(Duration.ofSeconds(10)).until(() -> forwarded(edgeOfA, id));
    EdgeStatus edgeStateOfB =
        ServiceRegistry.from(nodeB.servletContext()).get(EdgeForwarder.class).statuses().get(0);
    assertThat(edgeStateOfB.pending()).isZero();
    assertThat(forwarded(edgeOfB, id)).isFalse();
    long before = System.nanoTime();
    HttpResponse<byte[]> onB = nodeB.get("/models/" + id);
    assertThat(onB.statusCode()).isEqualTo(200);
    assertThat(body(onB)).contains("$1.00 / 1M");
    LOG.info(
        () ->
            "[ClusterIT] first request on B for A's webhook model: "
                + (System.nanoTime() - before) / 1_000_000
                + " ms");

    // Both nodes cache the page; a price change through A reaches B's next request.
    nodeA.get("/models/" + id);
    assertThat(xCache(nodeB.get("/models/" + id))).isEqualTo("HIT");
    assertThat(
            webhook(
                nodeA,
                Webhooks.modelEvent("models.updated", "xai", id, "0.000005", Webhooks.T0 + 1_000)))
        .isEqualTo(200);
    long purged = System.nanoTime();
    HttpResponse<byte[]> afterPurge = nodeB.get("/models/" + id);
    LOG.info(
        () ->
            "[ClusterIT] purge on A seen by B's next request after "
                + (System.nanoTime() - purged) / 1_000
                + " µs");
    assertThat(xCache(afterPurge)).isEqualTo("MISS");
    assertThat(body(afterPurge)).contains("$5.00 / 1M");
  }

  @Test
  void hitLatencyClusteredAndLocalAreMeasured() throws Exception {
    nodeA.get("/models/openai/o3");
    double clustered = microsPerHit(nodeB, "/models/openai/o3");
    try (EmbeddedTomcat local =
        EmbeddedSite.start(
            Map.of(
                "MODEL_PAGES_DATA_DIR",
                Files.createTempDirectory("local-node").toString(),
                "MODEL_PAGES_PRERENDER_LIMIT",
                "0"))) {
      local.get("/models/openai/o3");
      double single = microsPerHit(local, "/models/openai/o3");
      LOG.info(
          () ->
              String.format(
                  "[ClusterIT] HIT over HTTP: clustered %.0f µs, single node %.0f µs per request",
                  clustered, single));
    }
  }

  private static double microsPerHit(EmbeddedTomcat node, String path) {
    for (int i = 0; i < 200; i++) {
      node.get(path);
    }
    long start = System.nanoTime();
    int hits = 1_000;
    for (int i = 0; i < hits; i++) {
      assertThat(xCache(node.get(path))).isEqualTo("HIT");
    }
    return (System.nanoTime() - start) / 1e3 / hits;
  }

  @Test
  void whenTerracottaDiesNodesKeepAnsweringAndRefuseChangesUntilItIsBack() {
    nodeA.get("/models/openai/gpt-4o-mini");
    terracotta.kill();
    try {
      outageIsServedAndRefused();
    } finally {
      terracotta.restart();
    }
    await()
        .atMost(PATIENCE)
        .until(() -> isr(nodeA).isClusterAvailable() && isr(nodeB).isClusterAvailable());
    purgesPropagateBothWays();
  }

  // No request waits on the dead server longer than its call timeout; the times are logged, not
  // asserted (a loaded build machine would make any limit flaky).
  private static void outageIsServedAndRefused() {
    for (EmbeddedTomcat node : new EmbeddedTomcat[] {nodeA, nodeB}) {
      for (String path :
          new String[] {
            "/models/openai/gpt-4o-mini", "/models/openai/o3", "/models", "/api/models/openai/o3"
          }) {
        long start = System.nanoTime();
        HttpResponse<byte[]> response = node.get(path);
        LOG.info(
            () ->
                "[ClusterIT] during the outage "
                    + path
                    + ": "
                    + (System.nanoTime() - start) / 1_000_000
                    + " ms");
        assertThat(response.statusCode()).as(path).isEqualTo(200);
      }
    }
    await()
        .atMost(PATIENCE)
        .until(() -> !isr(nodeA).isClusterAvailable() && !isr(nodeB).isClusterAvailable());
    // A change that could reach one node only is refused, so the sender retries it later.
    HttpResponse<byte[]> refused =
        webhookResponse(
            nodeA,
            Webhooks.modelEvent(
                "models.added", "xai", "xai/grok-in-outage", "0.000001", Webhooks.T0 + 1_500));
    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    assertThat(nodeA.get("/models/xai/grok-in-outage").statusCode()).isEqualTo(404);
  }

  private static void purgesPropagateBothWays() {
    String id = "xai/grok-after-restart";
    assertThat(
            webhook(
                nodeA,
                Webhooks.modelEvent("models.added", "xai", id, "0.000002", Webhooks.T0 + 2_000)))
        .isEqualTo(200);
    assertThat(body(nodeB.get("/models/" + id))).contains("$2.00 / 1M");
    nodeB.get("/models/" + id);
    assertThat(xCache(nodeA.get("/models/" + id))).isEqualTo("HIT");

    assertThat(
            webhook(
                nodeB,
                Webhooks.modelEvent("models.updated", "xai", id, "0.000003", Webhooks.T0 + 3_000)))
        .isEqualTo(200);
    HttpResponse<byte[]> onA = nodeA.get("/models/" + id);
    assertThat(xCache(onA)).isEqualTo("MISS");
    assertThat(body(onA)).contains("$3.00 / 1M");
  }
}
