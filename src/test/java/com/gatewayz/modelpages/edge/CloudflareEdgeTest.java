package com.gatewayz.modelpages.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.gatewayz.modelpages.isr.EdgeKeys;
import com.gatewayz.modelpages.platform.JsonSupport;
import com.gatewayz.modelpages.testing.RecordingServer;
import com.gatewayz.modelpages.testing.RecordingServer.Answer;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.net.URI;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The exact requests the Cloudflare edge sends to the purge API, and how it reads its answers. */
class CloudflareEdgeTest {

  private static final String TOKEN = "cf-token-0123456789abcdef";
  private static final String OK =
      "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":{\"id\":\"x\"}}";

  private final RecordingServer api = RecordingServer.start(Answer.of(200, OK));
  private final CloudflareEdge cloudflare =
      new CloudflareEdge(
          "023e105f4ecef8ad9ca31a8372d0c353",
          TOKEN,
          URI.create(api.url() + "/client/v4"),
          EdgeHttp.create());

  @AfterEach
  void stop() {
    api.close();
  }

  private static List<String> tags(RecordingServer.Request request) {
    JsonObject body = JsonSupport.JSON.createReader(new StringReader(request.body())).readObject();
    assertThat(body.keySet()).containsExactly("tags");
    return body.getJsonArray("tags").getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .toList();
  }

  @Test
  void purgesTheNamesAsTagsWithTheBearerToken() throws Exception {
    cloudflare.purge(List.of("model:openai/gpt-4o", "models:list", "path:/models/openai/gpt-4o"));

    assertThat(api.requests()).hasSize(1);
    RecordingServer.Request request = api.requests().get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path())
        .isEqualTo("/client/v4/zones/023e105f4ecef8ad9ca31a8372d0c353/purge_cache");
    assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(request.header("Content-Type")).isEqualTo("application/json");
    assertThat(tags(request))
        .containsExactly("model:openai/gpt-4o", "models:list", "path:/models/openai/gpt-4o");
  }

  @Test
  void longNamesAreSentHashedAsThePagesCarryThem() throws Exception {
    String longName = "model:" + "a".repeat(100) + "/model";
    String withComma = "tag:a,b";

    cloudflare.purge(List.of(longName, withComma, "models:list"));

    List<String> sent = tags(api.requests().get(0));
    assertThat(sent)
        .containsExactly(
            EdgeKeys.cacheTagName(longName), EdgeKeys.cacheTagName(withComma), "models:list");
    assertThat(sent.get(0)).matches("h:[0-9a-f]{32}").isNotEqualTo(sent.get(1));
  }

  @Test
  void sendsAtMost30TagsPerRequest() throws Exception {
    List<String> names = IntStream.range(0, 70).mapToObj(i -> "model:m/" + i).toList();

    cloudflare.purge(names);

    List<List<String>> sent = api.requests().stream().map(CloudflareEdgeTest::tags).toList();
    assertThat(sent).extracting(List::size).containsExactly(30, 30, 10);
    assertThat(sent.stream().flatMap(List::stream).toList()).isEqualTo(names);
  }

  @Test
  void anAnswerWithoutSuccessFailsThePurge() {
    api.enqueue(
        Answer.of(
            200, "{\"success\":false,\"errors\":[{\"code\":1134,\"message\":\"Invalid tags\"}]}"));

    assertThatThrownBy(() -> cloudflare.purge(List.of("model:a")))
        .isInstanceOf(EdgeException.class)
        .hasMessageContaining("Cloudflare did not purge")
        .hasMessageContaining("Invalid tags");
  }

  @Test
  void anAnswerThatIsNotJsonFailsThePurge() {
    api.enqueue(Answer.of(200, "<html>gateway</html>"));

    assertThatThrownBy(() -> cloudflare.purge(List.of("model:a")))
        .isInstanceOf(EdgeException.class)
        .hasMessageStartingWith("not a Cloudflare API answer");
  }

  @Test
  void aServerErrorFailsThePurgeWithAShortOneLineMessage() {
    api.enqueue(Answer.of(502, "<html>\n" + "x".repeat(500) + "\n</html>"));

    assertThatThrownBy(() -> cloudflare.purge(List.of("model:a")))
        .isInstanceOfSatisfying(
            EdgeException.class,
            e ->
                assertThat(e.getMessage())
                    .startsWith("HTTP 502: <html> xxx")
                    .doesNotContain("\n")
                    .hasSizeLessThan(220));
  }
}
