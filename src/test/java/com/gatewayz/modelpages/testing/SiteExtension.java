package com.gatewayz.modelpages.testing;

import com.gatewayz.modelpages.platform.ServiceRegistry;
import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole application ({@link EmbeddedSite}) for one test class, registered as
 * {@code @RegisterExtension static final SiteExtension site = SiteExtension.with(...)}: started
 * before the class's {@code @BeforeAll} methods with a fresh data directory and nothing
 * pre-rendered (unless the settings say otherwise), stopped and its data deleted after the last
 * test.
 */
public final class SiteExtension implements BeforeAllCallback, AfterAllCallback, Site {

  private final Map<String, String> settings;
  private Path dataDir;
  private EmbeddedTomcat site;

  private SiteExtension(Map<String, String> settings) {
    this.settings = settings;
  }

  /** Settings as name, value, name, value, ... */
  public static SiteExtension with(String... namesAndValues) {
    Map<String, String> settings = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      settings.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return with(settings);
  }

  public static SiteExtension with(Map<String, String> given) {
    Map<String, String> settings = new LinkedHashMap<>(given);
    settings.putIfAbsent("MODEL_PAGES_PRERENDER_LIMIT", "0");
    return new SiteExtension(settings);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    dataDir = Files.createTempDirectory("model-pages-site");
    Map<String, String> withData = new LinkedHashMap<>(settings);
    withData.putIfAbsent("MODEL_PAGES_DATA_DIR", dataDir.toString());
    site = EmbeddedSite.start(withData);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    try {
      site.close();
    } finally {
      EmbeddedTomcat.deleteQuietly(dataDir);
    }
  }

  /** One of the application's services, from its composition root. */
  public <T> T service(Class<T> type) {
    return ServiceRegistry.from(servletContext()).get(type);
  }

  // The running site's own methods, so that tests read `site.get(...)`.

  public ServletContext servletContext() {
    return site.servletContext();
  }

  public Connector connector() {
    return site.connector();
  }

  public int port() {
    return site.port();
  }

  public URI uri(String path) {
    return site.uri(path);
  }

  public HttpClient client() {
    return site.client();
  }

  public HttpResponse<byte[]> send(HttpRequest.Builder request) {
    return site.send(request);
  }

  public HttpResponse<byte[]> get(String path, String... headers) {
    return site.get(path, headers);
  }
}
