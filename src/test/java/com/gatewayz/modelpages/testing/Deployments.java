package com.gatewayz.modelpages.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Deployments for the integration tests: the WAR the build produced, unchanged but for settings
 * given as servlet context parameters (the lowest-precedence source), so tests run what ships.
 */
public final class Deployments {

  /** The admin token the integration tests deploy with ({@code MODEL_PAGES_ADMIN_TOKEN}). */
  public static final String ADMIN_TOKEN = "it-admin-token-0123456789";

  /** Its {@code Authorization} header value. */
  public static final String ADMIN_AUTH = "Bearer " + ADMIN_TOKEN;

  private static final File BUILT_WAR = new File("target/model-pages.war");

  private Deployments() {}

  /**
   * The built WAR as {@code model-pages.war} (context path {@code /model-pages}) with settings.
   * Gateways are not polled unless the test sets {@code MODEL_PAGES_REFRESH_SECONDS}: results must
   * not depend on what the internet says today. Nothing is pre-rendered unless the test sets {@code
   * MODEL_PAGES_PRERENDER_LIMIT}, and the data directory is a fresh temporary one unless it sets
   * {@code MODEL_PAGES_DATA_DIR}.
   */
  public static WebArchive modelPages(Map<String, String> given) {
    Map<String, String> settings = new java.util.LinkedHashMap<>(given);
    settings.putIfAbsent("MODEL_PAGES_REFRESH_SECONDS", "0");
    settings.putIfAbsent("MODEL_PAGES_PRERENDER_LIMIT", "0");
    settings.computeIfAbsent("MODEL_PAGES_DATA_DIR", name -> freshDirectory());
    if (!BUILT_WAR.isFile()) {
      throw new IllegalStateException(
          "run the integration tests after `package`: " + BUILT_WAR + " is missing");
    }
    WebArchive war = ShrinkWrap.createFromZipFile(WebArchive.class, BUILT_WAR);
    String webXml = read(war);
    StringBuilder parameters = new StringBuilder();
    settings.forEach(
        (name, value) ->
            parameters
                .append("\n  <context-param><param-name>")
                .append(name)
                .append("</param-name><param-value>")
                .append(escape(value))
                .append("</param-value></context-param>"));
    String marker = "<display-name>model-pages</display-name>";
    war.delete("/WEB-INF/web.xml");
    war.setWebXML(new StringAsset(webXml.replace(marker, marker + parameters)));
    return war;
  }

  private static String freshDirectory() {
    try {
      return Files.createTempDirectory("model-pages-it").toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(WebArchive war) {
    try (InputStream in = war.get("/WEB-INF/web.xml").getAsset().openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String escape(String value) {
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
