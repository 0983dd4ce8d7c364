package com.gatewayz.modelpages.testing;

import com.gatewayz.modelpages.boot.Startup;
import com.gatewayz.modelpages.platform.SettingSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The whole application (web.xml, composition root, JSPs, Jersey) in an embedded Tomcat from {@code
 * src/main/webapp}, configured by the given settings only: the environment and system properties of
 * the JVM that runs the tests never reach it.
 */
public final class EmbeddedSite {

  private EmbeddedSite() {}

  /**
   * Gateways are not polled unless {@code MODEL_PAGES_REFRESH_SECONDS} is given; the data directory
   * is a fresh temporary one unless {@code MODEL_PAGES_DATA_DIR} is given.
   */
  public static EmbeddedTomcat start(Map<String, String> given) {
    Map<String, String> settings = new LinkedHashMap<>(given);
    settings.putIfAbsent("MODEL_PAGES_REFRESH_SECONDS", "0");
    settings.computeIfAbsent("MODEL_PAGES_DATA_DIR", name -> freshDirectory());
    SettingSource only = SettingSource.ofMap(Map.copyOf(settings));
    return EmbeddedTomcat.start(
        Path.of("src/main/webapp"),
        true,
        context ->
            context.addServletContainerInitializer(
                (classes, servletContext) ->
                    servletContext.setAttribute(Startup.SETTING_SOURCE_ATTRIBUTE, only),
                null));
  }

  private static String freshDirectory() {
    try {
      return Files.createTempDirectory("model-pages-data").toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
