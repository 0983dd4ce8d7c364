package com.gatewayz.modelpages.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * Debian's varnishd as a child process on loopback, running the shipped
 * server-config/varnish/default.vcl with its backend pointed at a test server. Runs in the
 * foreground ({@code -F}) without a jail ({@code -j none}: as root, the default jail would hand the
 * files to the varnish user, which cannot read a private temp directory), so the test owns the
 * process and {@link #stop()} kills it and its worker for sure.
 */
public final class Varnish implements AutoCloseable {

  public static final Path VARNISHD = Path.of("/usr/sbin/varnishd");
  static final Path SHIPPED_VCL = Path.of("server-config/varnish/default.vcl");

  private final Path workDir;
  private final Path vcl;
  private final int port;
  private final int adminPort;
  private Process process;
  private final Thread killOnExit = new Thread(this::stop, "varnish-test-kill");

  private Varnish(Path workDir, Path vcl, int port, int adminPort) {
    this.workDir = workDir;
    this.vcl = vcl;
    this.port = port;
    this.adminPort = adminPort;
  }

  /** Why varnishd with the xkey vmod cannot run here, or null when it can. */
  public static String unavailableReason() {
    if (!Files.isExecutable(VARNISHD)) {
      return "varnishd is not installed (apt-get install varnish varnish-modules)";
    }
    try {
      Path dir = Files.createTempDirectory("varnish-check");
      Path vcl = dir.resolve("check.vcl");
      Files.writeString(vcl, "vcl 4.1;\nimport xkey;\nbackend default none;\n");
      Process check =
          new ProcessBuilder(
                  VARNISHD.toString(),
                  "-j",
                  "none",
                  "-C",
                  "-f",
                  vcl.toString(),
                  "-n",
                  dir.resolve("n").toString())
              .redirectErrorStream(true)
              .start();
      String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return check.waitFor() == 0
          ? null
          : "the xkey vmod is missing (apt-get install varnish-modules): " + firstLine(output);
    } catch (IOException e) {
      return "varnishd cannot run: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  private static String firstLine(String output) {
    return output
        .lines()
        .filter(line -> line.contains("xkey") || line.contains("rror"))
        .findFirst()
        .orElse(output.strip());
  }

  /** Starts varnishd on loopback {@code port} in front of {@code backendPort}. */
  public static Varnish start(int port, int backendPort) {
    try {
      Path workDir = Files.createTempDirectory("varnish-test");
      Path vcl = workDir.resolve("default.vcl");
      String shipped = Files.readString(SHIPPED_VCL);
      String pointed = shipped.replace(".port = \"8080\";", ".port = \"" + backendPort + "\";");
      if (pointed.equals(shipped)) {
        throw new IllegalStateException("the shipped VCL no longer names the backend port 8080");
      }
      Files.writeString(vcl, pointed);
      Varnish varnish = new Varnish(workDir, vcl, port, freePort());
      Runtime.getRuntime().addShutdownHook(varnish.killOnExit);
      varnish.launch();
      return varnish;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void launch() throws IOException {
    List<String> command = new ArrayList<>(List.of(VARNISHD.toString(), "-F", "-j", "none"));
    command.addAll(
        List.of("-a", "127.0.0.1:" + port, "-T", "127.0.0.1:" + adminPort, "-f", vcl.toString()));
    command.addAll(
        List.of(
            "-s",
            "malloc,64m",
            "-n",
            workDir.resolve("n").toString(),
            "-P",
            workDir.resolve("varnishd.pid").toString()));
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(workDir.resolve("varnishd.log").toFile())
            .start();
    Process started = process;
    Awaitility.await("varnishd listening on " + port)
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              if (!started.isAlive()) {
                throw new IllegalStateException(
                    "varnishd exited: " + Files.readString(workDir.resolve("varnishd.log")));
              }
              return isListening();
            });
  }

  private boolean isListening() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException notYet) {
      return false;
    }
  }

  /** A loopback port free right now. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  /** Kills varnishd (its cache is gone); {@link #restart()} starts it again on the same ports. */
  public void stop() {
    Process running = process;
    if (running == null) {
      return;
    }
    running.descendants().forEach(ProcessHandle::destroyForcibly);
    running.destroyForcibly();
    try {
      if (!running.waitFor(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("varnishd did not exit");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  public void restart() {
    stop();
    try {
      launch();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs {@code varnishadm} against this instance (e.g. {@code backend.list}) and returns its
   * output.
   */
  public String admin(String... arguments) {
    List<String> command =
        new ArrayList<>(List.of("varnishadm", "-n", workDir.resolve("n").toString()));
    command.addAll(List.of(arguments));
    return run(command);
  }

  /**
   * The requests of this instance's shared-memory log that match {@code query}, e.g. {@code
   * ReqMethod eq "PURGE"}.
   */
  public String log(String query) {
    return run(
        List.of(
            "varnishlog",
            "-d",
            "-n",
            workDir.resolve("n").toString(),
            "-g",
            "request",
            "-q",
            query));
  }

  private static String run(List<String> command) {
    try {
      Process tool = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(tool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!tool.waitFor(Duration.ofSeconds(30).toSeconds(), TimeUnit.SECONDS)) {
        tool.destroyForcibly();
      }
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(killOnExit);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook is what stops varnishd
    }
    try (var paths = Files.walk(workDir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a temp directory left behind is harmless
    }
  }
}
