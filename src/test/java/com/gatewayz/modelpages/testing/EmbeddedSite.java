package com.gatewayz.modelpages.testing;

import java.nio.file.Path;
import java.util.Map;

/**
 * The whole application (web.xml, composition root, JSPs, Jersey) in an embedded Tomcat from
 * {@code src/main/webapp}, configured by servlet context parameters.
 */
public final class EmbeddedSite {

  private EmbeddedSite() {}

  public static EmbeddedTomcat start(Map<String, String> settings) {
    return EmbeddedTomcat.start(
        Path.of("src/main/webapp"), true, context -> settings.forEach(context::addParameter));
  }
}
