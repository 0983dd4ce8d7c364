package com.gatewayz.modelpages;

import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.testing.ContainerProbes;
import com.gatewayz.modelpages.testing.RawHttp;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Tomcat that {@code mvn package cargo:run} starts, hardened out of the box: the build starts
 * it with the same cargo configuration (on {@code it.cargo.http.port}) before the integration
 * tests, and requests Tomcat refuses before the application get a short page with no stack trace
 * and no version.
 */
class CargoRunIT {

  private static final String HOST = "127.0.0.1";

  @BeforeAll
  static void startedByTheBuild() {
    Assumptions.assumeFalse(
        Boolean.getBoolean("it.cargo.skip"),
        "CargoRunIT skipped: -Dit.cargo.skip=true, the build did not start cargo:run's Tomcat");
  }

  private static int port() {
    String port = System.getProperty("it.cargo.http.port");
    assertThat(port).as("the build passes it.cargo.http.port").isNotBlank();
    return Integer.parseInt(port);
  }

  @Test
  void theApplicationRunsThere() {
    RawHttp.Response page =
        RawHttp.send(HOST, port(), RawHttp.request("GET", "/models/openai/gpt-4o"));

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("GPT-4o");
  }

  @Test
  void tomcatsManagerLetsNobodyIn() {
    String cargoDefaultUser =
        Base64.getEncoder().encodeToString("admin:".getBytes(StandardCharsets.UTF_8));
    String request =
        RawHttp.request("GET", "/manager/text/list", "Authorization: Basic " + cargoDefaultUser);

    RawHttp.Response list = RawHttp.send(HOST, port(), request);

    assertThat(list.status()).isIn(401, 403, 404);
    assertThat(list.body()).doesNotContain("Listed applications");
  }

  @Test
  void requestsTomcatRefusesShowNoStackAndNoVersion() {
    List<String> versions = ContainerProbes.serverVersions();
    SoftAssertions softly = new SoftAssertions();
    for (Map.Entry<String, String> probe : ContainerProbes.rejectedByTomcat("").entrySet()) {
      RawHttp.Response response = RawHttp.send(HOST, port(), probe.getValue());

      softly.assertThat(response.status()).as(probe.getKey()).isEqualTo(400);
      softly.assertThat(response.body()).as(probe.getKey()).contains("400").hasSizeLessThan(2048);
      ContainerProbes.assertNothingLeaks(softly, probe.getKey(), response, versions);
    }
    softly.assertAll();
  }
}
