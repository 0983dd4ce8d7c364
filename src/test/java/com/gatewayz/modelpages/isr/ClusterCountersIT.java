package com.gatewayz.modelpages.isr;

import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.testing.TerracottaServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The counters and stamps of the tag clock on a real Terracotta server, through the connections a
 * node opens ({@link ClusterConnection}). A conditional replace that loses its race stays in the
 * key's chain on the server; the next read that compacts the chain must write the value back whole.
 * With Ehcache's own {@code LongSerializer} it wrote an empty value (its read moves the buffer the
 * compaction encodes again), after which every read of the key on every node failed with a {@code
 * BufferUnderflowException} and the nodes cut themselves off for good.
 */
@Tag("cluster")
class ClusterCountersIT {

  static TerracottaServer terracotta;
  private final List<ClusterConnection> opened = new ArrayList<>();

  @BeforeAll
  static void startServer() {
    Assumptions.assumeTrue(
        TerracottaServer.isAvailable(), "the build unpacks the Terracotta kit first");
    // Room for the pools of three clusters (104 MB each).
    terracotta = TerracottaServer.start(512, java.time.Duration.ofSeconds(150));
  }

  @AfterAll
  static void stopServer() {
    if (terracotta != null) {
      terracotta.close();
    }
  }

  @AfterEach
  void closeConnections() {
    opened.forEach(ClusterConnection::closeQuietly);
  }

  private ClusterConnection connect(String cluster) {
    CacheSizing sizing = ClusterNode.sizing(terracotta.uri(cluster), 16);
    ClusterConnection connection =
        ClusterConnection.open(ClusterConnection.Sizes.of(sizing), sizing.cluster().orElseThrow());
    opened.add(connection);
    return connection;
  }

  @Test
  void aCounterStaysReadableAfterALostCompareAndSetIsCompacted() {
    ClusterConnection first = connect("lost-cas-counter");
    ClusterConnection second = connect("lost-cas-counter");
    first.counters().put("tick", 5L);
    assertThat(second.counters().get("tick")).isEqualTo(5L);

    // A node that read 4 before another moved the counter on: its replace loses.
    assertThat(first.counters().replace("tick", 4L, 6L)).isFalse();
    // A read on a node without the key in its heap tier resolves the chain and compacts it.
    assertThat(connect("lost-cas-counter").counters().get("tick")).isEqualTo(5L);

    assertThat(connect("lost-cas-counter").counters().get("tick")).isEqualTo(5L);
    assertThat(new Counters(() -> connect("lost-cas-counter").counters()).increment("tick"))
        .isEqualTo(6L);
  }

  @Test
  void aStampStaysReadableAfterALostRaiseIsCompacted() {
    ClusterConnection first = connect("lost-cas-stamp");
    first.stamps().put("t:model", 9L);
    assertThat(first.stamps().replace("t:model", 8L, 10L)).isFalse();
    assertThat(connect("lost-cas-stamp").stamps().get("t:model")).isEqualTo(9L);

    assertThat(connect("lost-cas-stamp").stamps().get("t:model")).isEqualTo(9L);
  }

  @Test
  void sharedBytesStayReadableAfterALostReplaceIsCompacted() {
    ClusterConnection first = connect("lost-cas-shared");
    first.shared().put("catalog", new byte[] {1, 2, 3});
    assertThat(first.shared().replace("catalog", new byte[] {9}, new byte[] {4})).isFalse();
    assertThat(connect("lost-cas-shared").shared().get("catalog")).containsExactly(1, 2, 3);

    assertThat(connect("lost-cas-shared").shared().get("catalog")).containsExactly(1, 2, 3);
  }
}
