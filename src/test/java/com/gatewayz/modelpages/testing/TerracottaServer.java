package com.gatewayz.modelpages.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A Terracotta server from the kit the build unpacked into {@code target/terracotta}, on loopback
 * with its own ports and directories, that tests can kill (-9) and start again. It keeps no data
 * across a restart, as in production.
 */
public final class TerracottaServer implements AutoCloseable {

  private static final Path KIT =
      Path.of("target/terracotta/ehcache-clustered-3.11.1-kit/server/bin/start-tc-server.sh");

  private final int port;
  private final int groupPort;
  private final int offheapMb;
  private final Duration clientLease;
  private Process process;

  private TerracottaServer(int port, int groupPort, int offheapMb, Duration clientLease) {
    this.port = port;
    this.groupPort = groupPort;
    this.offheapMb = offheapMb;
    this.clientLease = clientLease;
  }

  public static boolean isAvailable() {
    return Files.isExecutable(KIT);
  }

  public static TerracottaServer start() {
    return start(256, Duration.ofSeconds(150));
  }

  /**
   * @param offheapMb the size of the {@code main} off-heap resource the nodes' pools come from
   * @param clientLease how long the server keeps a silent client (its default is 150 s): a
   *     partitioned node holds up every strong write until its lease expires
   */
  public static TerracottaServer start(int offheapMb, Duration clientLease) {
    TerracottaServer server =
        new TerracottaServer(TestPorts.free(), TestPorts.free(), offheapMb, clientLease);
    server.startProcess();
    return server;
  }

  public int port() {
    return port;
  }

  public URI uri(String name) {
    return URI.create("terracotta://127.0.0.1:" + port + "/" + name);
  }

  /** Starts the server again, empty, on the same port. */
  public void restart() {
    startProcess();
  }

  private void startProcess() {
    try {
      Path dir = Files.createTempDirectory("terracotta");
      ProcessBuilder builder =
          new ProcessBuilder(
              List.of(
                  KIT.toAbsolutePath().toString(),
                  "-cluster-name",
                  "test",
                  "-name",
                  "node1",
                  "-hostname",
                  "127.0.0.1",
                  "-bind-address",
                  "127.0.0.1",
                  "-group-bind-address",
                  "127.0.0.1",
                  "-port",
                  Integer.toString(port),
                  "-group-port",
                  Integer.toString(groupPort),
                  "-offheap-resources",
                  "main:" + offheapMb + "MB",
                  "-client-lease-duration",
                  clientLease.toSeconds() + "s",
                  "-config-dir",
                  dir.resolve("config").toString(),
                  "-log-dir",
                  dir.resolve("logs").toString(),
                  "-metadata-dir",
                  dir.resolve("metadata").toString(),
                  "-data-dirs",
                  "main:" + dir.resolve("data"),
                  "-auto-activate"));
      builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
      builder.environment().put("JAVA_OPTS", "-Xms64m -Xmx512m");
      Path out = dir.resolve("server.out");
      builder.redirectErrorStream(true).redirectOutput(out.toFile());
      process = builder.start();
      awaitActive(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitActive(Path out) {
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new IllegalStateException("the Terracotta server exited: see " + out);
              }
              return Files.readString(out).contains("started up as ACTIVE");
            });
  }

  /** Kills the server at once (kill -9 of the script and its JVM). */
  public void kill() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    kill();
  }
}
