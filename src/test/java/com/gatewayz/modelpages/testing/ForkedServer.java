package com.gatewayz.modelpages.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The built WAR at the context root of a Tomcat in a JVM of its own, so a test can kill it with
 * SIGKILL as a crash would (an in-process stop always runs shutdown code). It runs the Tomcat the
 * build unpacks for the integration tests, with a CATALINA_BASE of its own. The settings are the
 * forked process's whole environment, built from nothing: no setting the shell exported reaches it.
 * Each start listens on a fresh free loopback port (or the fixed one given) and writes its output
 * to a log of its own. Not thread-safe; {@link #close} kills the process, and so does a shutdown
 * hook should the test JVM exit first.
 */
public final class ForkedServer implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(150);
  private static final int STOP_TIMEOUT_SECONDS = 60;
  // What catalina.sh adds on Java 17, plus a small heap and fast start-up on a shared machine.
  private static final List<String> JVM_OPTIONS =
      List.of(
          "-Xmx384m",
          "-XX:+UseSerialGC",
          "-XX:TieredStopAtLevel=1",
          "--add-opens=java.base/java.lang=ALL-UNNAMED",
          "--add-opens=java.base/java.io=ALL-UNNAMED",
          "--add-opens=java.base/java.util=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
          "--add-opens=java.rmi/sun.rmi.transport=ALL-UNNAMED");

  private final Path home;
  private final Path base;
  private final Map<String, String> environment;
  private final int fixedPort;
  private final Thread reaper = new Thread(this::destroyNow, "forked-server-reaper");
  private Process process;
  private Http http;
  private Path log;
  private int starts;

  private ForkedServer(Path home, Path base, Map<String, String> environment, int fixedPort) {
    this.home = home;
    this.base = base;
    this.environment = Map.copyOf(environment);
    this.fixedPort = fixedPort;
    Runtime.getRuntime().addShutdownHook(reaper);
  }

  /**
   * A server not started yet: {@code base} becomes its CATALINA_BASE (conf copied from {@code
   * catalinaHome}, {@code war} as webapps/ROOT.war).
   *
   * @param environment the forked JVM's whole environment (settings such as MODEL_PAGES_DATA_DIR)
   * @param fixedPort the HTTP port of every start, or 0 for a free port per start
   */
  public static ForkedServer create(
      Path catalinaHome, Path war, Path base, Map<String, String> environment, int fixedPort) {
    if (!Files.isRegularFile(war) || !Files.isDirectory(catalinaHome.resolve("conf"))) {
      throw new IllegalStateException(
          "run after `package` and the unpack-tomcat step: "
              + war
              + " or "
              + catalinaHome
              + " is missing");
    }
    try {
      for (String dir : List.of("conf", "logs", "temp", "webapps", "work")) {
        Files.createDirectories(base.resolve(dir));
      }
      copyConf(catalinaHome.resolve("conf"), base.resolve("conf"));
      Files.copy(war, base.resolve("webapps/ROOT.war"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ForkedServer(catalinaHome, base, environment, fixedPort);
  }

  private static void copyConf(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  /**
   * Starts the server and returns once {@code /health/ready} answers 200.
   *
   * @throws IllegalStateException when the process exits or is not ready in time, with its log
   */
  public void start() {
    if (isAlive()) {
      throw new IllegalStateException("already running");
    }
    starts++;
    int port = fixedPort > 0 ? fixedPort : Ports.free();
    http = new Http(url(port));
    log = base.resolve("logs/start-" + starts + ".log");
    try {
      Files.writeString(base.resolve("conf/server.xml"), serverXml(port));
      process = processBuilder().start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    awaitReady();
  }

  private ProcessBuilder processBuilder() {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_OPTIONS);
    command.add("-Dcatalina.home=" + home);
    command.add("-Dcatalina.base=" + base);
    command.add("-Djava.io.tmpdir=" + base.resolve("temp"));
    command.add("-Djava.util.logging.config.file=" + base.resolve("conf/logging.properties"));
    command.add("-Djava.util.logging.manager=org.apache.juli.ClassLoaderLogManager");
    command.addAll(
        List.of(
            "-cp", home.resolve("bin/bootstrap.jar") + ":" + home.resolve("bin/tomcat-juli.jar")));
    command.addAll(List.of("org.apache.catalina.startup.Bootstrap", "start"));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().clear();
    builder.environment().put("LANG", "C.UTF-8");
    builder.environment().putAll(environment);
    return builder;
  }

  private void awaitReady() {
    try {
      await()
          .atMost(START_TIMEOUT)
          .pollInterval(Duration.ofMillis(100))
          .until(() -> !process.isAlive() || isReady());
    } catch (ConditionTimeoutException e) {
      throw new IllegalStateException(
          "not ready within " + START_TIMEOUT.toSeconds() + " s; log:\n" + logTail(), e);
    }
    if (!process.isAlive()) {
      throw new IllegalStateException(
          "the server exited with " + process.exitValue() + "; log:\n" + logTail());
    }
  }

  private boolean isReady() {
    try {
      return http.get("/health/ready").statusCode() == 200;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** SIGKILL (on Linux): no shutdown hook, no cache close, no flush; returns once it is gone. */
  public void kill9() {
    process.destroyForcibly();
    awaitExit();
  }

  /** SIGTERM: the JVM runs its shutdown hooks and Tomcat stops the application cleanly. */
  public void stop() {
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        kill9();
        throw new IllegalStateException(
            "no clean stop within " + STOP_TIMEOUT_SECONDS + " s; killed. Log:\n" + logTail());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      destroyNow();
    }
  }

  private void awaitExit() {
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** A client for the current (or last) start. */
  public Http http() {
    return http;
  }

  private static URL url(int port) {
    try {
      return new URL("http://127.0.0.1:" + port + "/");
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The output of the current (or last) start. */
  public String log() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The last lines of {@link #log()}, for failure messages. */
  public String logTail() {
    List<String> lines = log().lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  @Override
  public void close() {
    destroyNow();
    try {
      Runtime.getRuntime().removeShutdownHook(reaper);
    } catch (IllegalStateException e) {
      // the JVM is exiting: the hook itself runs this
    }
  }

  private void destroyNow() {
    if (isAlive()) {
      kill9();
    }
  }

  // No shutdown port (a signal stops it), no manager, no default ROOT: only this application.
  private static String serverXml(int port) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <Server port="-1" shutdown="SHUTDOWN">
          <Service name="Catalina">
            <Connector port="%d" address="127.0.0.1" protocol="HTTP/1.1" connectionTimeout="20000" />
            <Engine name="Catalina" defaultHost="localhost">
              <Host name="localhost" appBase="webapps" unpackWARs="true" autoDeploy="false" />
            </Engine>
          </Service>
        </Server>
        """
        .formatted(port);
  }
}
