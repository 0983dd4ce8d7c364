package com.gatewayz.modelpages.testing;

import java.net.MalformedURLException;
import java.net.URL;

/** Where the integration-test server of this failsafe execution listens (set in the pom). */
public final class ItServer {

  private ItServer() {}

  /** The URL of a deployment by archive name, for deployments Arquillian did not deploy yet. */
  public static URL deploymentUrl(String archiveName) {
    String server = System.getProperty("it.server", "tomcat");
    String port =
        System.getProperty(server.equals("payara") ? "it.payara.http.port" : "it.tomcat.http.port");
    try {
      return new URL("http://127.0.0.1:" + port + "/" + archiveName + "/");
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }
}
