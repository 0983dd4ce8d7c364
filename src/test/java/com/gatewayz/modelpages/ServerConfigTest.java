package com.gatewayz.modelpages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The Tomcat configurations the project ships (the example for operators, the integration tests'
 * Tomcat) hide stacks and the version on container error pages. CargoRunIT and
 * ContainerErrorPagesIT show the effect on running servers.
 */
class ServerConfigTest {

  @ParameterizedTest
  @ValueSource(strings = {"server-config/tomcat/server.xml", "src/test/tomcat/conf/server.xml"})
  void everyHostHasAnErrorReportValveWithoutReportOrServerInfo(String file) throws Exception {
    Document server =
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of(file).toFile());
    NodeList hosts =
        (NodeList)
            XPathFactory.newInstance()
                .newXPath()
                .evaluate("//Service/Engine/Host", server, XPathConstants.NODESET);

    assertThat(hosts.getLength()).isPositive();
    for (int i = 0; i < hosts.getLength(); i++) {
      Element valve = errorReportValve((Element) hosts.item(i));
      assertThat(valve).as(file + ": ErrorReportValve in <Host>").isNotNull();
      assertThat(valve.getAttribute("showReport")).isEqualTo("false");
      assertThat(valve.getAttribute("showServerInfo")).isEqualTo("false");
    }
  }

  private static Element errorReportValve(Element host) {
    NodeList valves = host.getElementsByTagName("Valve");
    for (int i = 0; i < valves.getLength(); i++) {
      Element valve = (Element) valves.item(i);
      if (valve.getAttribute("className").equals("org.apache.catalina.valves.ErrorReportValve")) {
        return valve;
      }
    }
    return null;
  }
}
