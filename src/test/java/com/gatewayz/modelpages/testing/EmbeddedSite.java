package com.gatewayz.modelpages.testing;

import java.nio.file.Path;
import java.util.Map;

/**
 * The whole application (web.xml, composition root, JSPs, Jersey) in an embedded Tomcat from
 * {@code src/main/webapp}, configured by servlet context parameters.
 */
public final class EmbeddedSite {

  private EmbeddedSite() {}

  /** Gateways are not polled unless {@code MODEL_PAGES_REFRESH_SECONDS} is given. */
  public static EmbeddedTomcat start(Map<String, String> given) {
    Map<String, String> settings = new java.util.LinkedHashMap<>(given);
    settings.putIfAbsent("MODEL_PAGES_REFRESH_SECONDS", "0");
    return EmbeddedTomcat.start(
        Path.of("src/main/webapp"), true, context -> settings.forEach(context::addParameter));
  }
}
