package com.gatewayz.modelpages.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;

/**
 * Requests a servlet container refuses before any application sees them, and what the answer must
 * never show: a stack trace, an exception's name, the server's product or version.
 */
public final class ContainerProbes {

  /** Found in Tomcat's and Payara's default error reports and stack traces (lower case). */
  private static final List<String> LEAKS =
      List.of(
          "exception",
          "\tat ",
          "at org.",
          "at java.",
          "at jakarta.",
          "at com.",
          "tomcat",
          "payara",
          "glassfish",
          "grizzly",
          "catalina",
          "coyote");

  private static final String LONG = "a".repeat(9000);

  private ContainerProbes() {}

  /** Name → raw request, every target under {@code prefix} (a context path or ""). */
  public static Map<String, String> rejectedByTomcat(String prefix) {
    String models = prefix + "/models";
    Map<String, String> probes = new LinkedHashMap<>();
    probes.put("a header over 8 KB", RawHttp.request("GET", models, "X-Filler: " + LONG));
    probes.put("a request line over 8 KB", RawHttp.request("GET", models + "?q=" + LONG));
    probes.put("< in the query", RawHttp.request("GET", models + "?q=<script>"));
    probes.put("| in the query", RawHttp.request("GET", models + "?q=a|b"));
    probes.put("%2F in the path", RawHttp.request("GET", models + "/openai%2Fgpt-4o"));
    probes.put("an illegal method", RawHttp.request("G<T", models));
    return probes;
  }

  /**
   * Asserts that {@code response} to {@code probe} shows no stack trace, no exception, no product
   * name and none of {@code versions}, in its body or its headers.
   */
  public static void assertNothingLeaks(
      SoftAssertions softly, String probe, RawHttp.Response response, List<String> versions) {
    String body = response.body().toLowerCase(Locale.ROOT);
    for (String leak : LEAKS) {
      softly.assertThat(body).as(probe + ": body shows \"" + leak + "\"").doesNotContain(leak);
    }
    for (String version : versions) {
      softly
          .assertThat(response.body())
          .as(probe + ": version in the body")
          .doesNotContain(version);
      softly
          .assertThat(response.headers().toString())
          .as(probe + ": version in the headers")
          .doesNotContain(version);
    }
    softly.assertThat(response.header("Server")).as(probe + ": Server header").isNull();
    softly.assertThat(response.header("X-Powered-By")).as(probe + ": X-Powered-By header").isNull();
  }

  /** The container versions the build runs (failsafe passes them as system properties). */
  public static List<String> serverVersions() {
    List<String> versions =
        List.of(
            System.getProperty("it.tomcat.version", ""),
            System.getProperty("it.payara.version", ""));
    assertThat(versions)
        .as("the build passes it.tomcat.version and it.payara.version")
        .doesNotContain("");
    return versions;
  }
}
