package com.gatewayz.modelpages.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;

/** A real Tomcat on a free loopback port for filter and page tests, with an HTTP client. */
public final class EmbeddedTomcat implements AutoCloseable, Site {

  private final Tomcat tomcat;
  private final Path baseDir;
  private final Context context;
  private final HttpClient client =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  private EmbeddedTomcat(Tomcat tomcat, Path baseDir, Context context) {
    this.tomcat = tomcat;
    this.baseDir = baseDir;
    this.context = context;
  }

  /**
   * Starts Tomcat with one context at the root whose documents are {@code docBase}; {@code setup}
   * adds servlets and filters (or, with {@code webappDefaults}, JSP support) before the start.
   */
  public static EmbeddedTomcat start(
      Path docBase, boolean webappDefaults, Consumer<Context> setup) {
    try {
      Path baseDir = Files.createTempDirectory("embedded-tomcat");
      Tomcat tomcat = new Tomcat();
      tomcat.setBaseDir(baseDir.toString());
      tomcat.setHostname("127.0.0.1");
      tomcat.setPort(0);
      tomcat.getConnector().setProperty("address", "127.0.0.1");
      Context context =
          webappDefaults
              ? tomcat.addWebapp("", docBase.toAbsolutePath().toString())
              : tomcat.addContext("", docBase.toAbsolutePath().toString());
      setup.accept(context);
      tomcat.start();
      return new EmbeddedTomcat(tomcat, baseDir, context);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (LifecycleException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The web application's servlet context, to reach its services in tests. */
  public jakarta.servlet.ServletContext servletContext() {
    return context.getServletContext();
  }

  /** The HTTP connector, to change its limits (a flood test lowers {@code maxConnections}). */
  public org.apache.catalina.connector.Connector connector() {
    return tomcat.getConnector();
  }

  public int port() {
    return tomcat.getConnector().getLocalPort();
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port() + path);
  }

  public HttpClient client() {
    return client;
  }

  public HttpResponse<byte[]> send(HttpRequest.Builder request) {
    try {
      return client.send(
          request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpResponse<byte[]> get(String path, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request);
  }

  @Override
  public void close() {
    try {
      tomcat.stop();
      tomcat.destroy();
    } catch (LifecycleException e) {
      throw new IllegalStateException(e);
    } finally {
      deleteQuietly(baseDir);
    }
  }

  static void deleteQuietly(Path directory) {
    try (var paths = Files.walk(directory)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a temp directory left behind is harmless
    }
  }
}
