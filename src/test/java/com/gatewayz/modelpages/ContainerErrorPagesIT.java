package com.gatewayz.modelpages;

import com.gatewayz.modelpages.testing.ContainerProbes;
import com.gatewayz.modelpages.testing.Deployments;
import com.gatewayz.modelpages.testing.RawHttp;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The integration-test servers are configured as the README says production should be (Tomcat:
 * {@code src/test/tomcat/conf/server.xml}; Payara Micro: {@code server-config/payara/hardening.*}):
 * requests the container refuses, or that reach no application, show no stack trace, no product
 * name and no version. On Tomcat they are refused with 400; Payara lets some through to the
 * application, which answers them itself.
 */
@ExtendWith(ArquillianExtension.class)
class ContainerErrorPagesIT {

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.modelPages(Map.of());
  }

  private static boolean onTomcat() {
    return System.getProperty("it.server", "tomcat").equals("tomcat");
  }

  @Test
  void refusedRequestsShowNoStackNoProductAndNoVersion() {
    List<String> versions = ContainerProbes.serverVersions();
    String context = base.getPath().replaceAll("/$", "");
    SoftAssertions softly = new SoftAssertions();
    for (Map.Entry<String, String> probe : ContainerProbes.rejectedByTomcat(context).entrySet()) {
      RawHttp.Response response = RawHttp.send(base.getHost(), base.getPort(), probe.getValue());

      if (onTomcat()) {
        softly.assertThat(response.status()).as(probe.getKey()).isEqualTo(400);
      }
      ContainerProbes.assertNothingLeaks(softly, probe.getKey(), response, versions);
    }
    softly.assertAll();
  }

  @Test
  void aPathOutsideTheApplicationShowsNoProductAndNoVersion() {
    String request = RawHttp.request("GET", "/no-such-application/x");

    RawHttp.Response response = RawHttp.send(base.getHost(), base.getPort(), request);

    SoftAssertions softly = new SoftAssertions();
    softly.assertThat(response.status()).isEqualTo(404);
    ContainerProbes.assertNothingLeaks(
        softly, "outside the application", response, ContainerProbes.serverVersions());
    softly.assertAll();
  }
}
