package com.gatewayz.modelpages.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Reading and checking a registry file: every bad entry names the entry and the field. */
class RegistryFileTest {

  private static GatewayRegistry parse(String gatewaysJson) {
    String json = "{\"gateways\": [" + gatewaysJson + "]}";
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    return GatewayRegistry.read(new ByteArrayInputStream(bytes), "test.json");
  }

  private static String entry(String id, String extra) {
    return """
    {"id":"%s","displayName":"%s","listUrl":"https://%s.example/v1/models","format":"openai",\
    "priority":"fast","order":%d%s}\
    """
        .formatted(id, id, id, Math.abs(id.hashCode() % 1000), extra);
  }

  @Test
  void defaultsForOptionalFields() {
    Gateway gateway = parse(entry("plain", "")).find("plain").get();

    assertThat(gateway.enabled()).isTrue();
    assertThat(gateway.deprecated()).isFalse();
    assertThat(gateway.aliases()).isEmpty();
    assertThat(gateway.needsKey()).isFalse();
  }

  @Test
  void badEntriesFailNamingTheEntryAndTheField() {
    assertThatThrownBy(
            () ->
                parse(
                    entry("groq", ",\"priority\":\"medium\"")
                        .replace("\"priority\":\"fast\",", "")))
        .isInstanceOf(GatewayRegistryException.class)
        .hasMessage(
            "test.json: gateways[0] (\"groq\"): field \"priority\": expected \"fast\" or \"slow\","
                + " got \"medium\"");
    assertBad(
        entry("a", "").replace("\"listUrl\":\"https://a.example/v1/models\",", ""),
        "gateways[0] (\"a\"): field \"listUrl\": missing");
    assertBad(
        entry("a", "").replace("https://a.example", "ftp://a.example"),
        "field \"listUrl\": expected an absolute");
    assertBad(
        entry("a", "").replace("\"openai\"", "\"soap\""),
        "field \"format\": expected one of [models-dev, openai, openrouter, together]");
    assertBad(entry("a", ",\"enable\":true"), "field \"enable\": unknown field");
    assertBad(entry("a", ",\"apiKeyEnv\":\"NOT A NAME\""), "field \"apiKeyEnv\"");
    assertBad(entry("a", ",\"aliases\":[\"B\"]"), "field \"aliases\"");
    assertBad(entry("a", ",\"enabled\":\"yes\""), "field \"enabled\": expected true or false");
    assertBad(entry("Bad_Id", ""), "field \"id\"");
    assertBad(entry("a", "").replaceAll("\"order\":\\d+", "\"order\":1.5"), "field \"order\"");
    assertBad("42", "gateways[0]: expected an object");
  }

  @Test
  void idsAliasesAndOrdersMustBeUnique() {
    assertBad(
        entry("a", "") + "," + entry("a", ""),
        "gateway \"a\": field \"id\": \"a\" is already used by \"a\"");
    assertBad(
        entry("a", ",\"aliases\":[\"b\"]") + "," + entry("b", ""),
        "field \"id\": \"b\" is already used by \"a\"");
    assertBad(
        entry("a", "")
            + ","
            + entry("b", "")
                .replaceAll("\"order\":\\d+", "\"order\":" + Math.abs("a".hashCode() % 1000)),
        "field \"order\"");
  }

  @Test
  void aFileThatIsNotARegistryFails() {
    assertThatThrownBy(
            () ->
                GatewayRegistry.read(
                    new ByteArrayInputStream("[1,".getBytes(StandardCharsets.UTF_8)), "x.json"))
        .isInstanceOf(GatewayRegistryException.class)
        .hasMessageStartingWith("x.json: not valid JSON");
    assertThatThrownBy(
            () ->
                GatewayRegistry.read(
                    new ByteArrayInputStream("{\"list\":[]}".getBytes(StandardCharsets.UTF_8)),
                    "x.json"))
        .isInstanceOf(GatewayRegistryException.class)
        .hasMessageContaining("\"gateways\" array");
  }

  private static void assertBad(String entries, String message) {
    assertThatThrownBy(() -> parse(entries))
        .isInstanceOf(GatewayRegistryException.class)
        .hasMessageContaining(message);
  }
}
