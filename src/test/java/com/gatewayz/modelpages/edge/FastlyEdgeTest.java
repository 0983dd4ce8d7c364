package com.gatewayz.modelpages.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.gatewayz.modelpages.testing.RecordingServer;
import com.gatewayz.modelpages.testing.RecordingServer.Answer;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The exact requests the Fastly edge sends to the purge API, and how it reads failures. */
class FastlyEdgeTest {

  private static final String TOKEN = "fastly-token-0123456789";

  private final RecordingServer api = RecordingServer.start(Answer.of(200, "{\"status\":\"ok\"}"));
  private final FastlyEdge fastly =
      new FastlyEdge("SU1Z0isxPaozGVKXdv0eY", TOKEN, URI.create(api.url()), EdgeHttp.create());

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void purgesTheNamesAsSurrogateKeysWithTheToken() throws Exception {
    fastly.purge(List.of("model:openai/gpt-4o", "models:list", "path:/models/openai/gpt-4o"));

    assertThat(api.requests()).hasSize(1);
    RecordingServer.Request request = api.requests().get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/service/SU1Z0isxPaozGVKXdv0eY/purge");
    assertThat(request.header("Fastly-Key")).isEqualTo(TOKEN);
    assertThat(request.header("Surrogate-Key"))
        .isEqualTo("model:openai/gpt-4o models:list path:/models/openai/gpt-4o");
    assertThat(request.header("Accept")).isEqualTo("application/json");
    assertThat(request.header("Fastly-Soft-Purge")).isNull();
    assertThat(request.body()).isEmpty();
  }

  @Test
  void sendsAtMost256KeysPerRequest() throws Exception {
    List<String> names = IntStream.range(0, 600).mapToObj(i -> "model:m/" + i).toList();

    fastly.purge(names);

    List<List<String>> sent =
        api.requests().stream()
            .map(r -> Arrays.asList(r.header("Surrogate-Key").split(" ")))
            .toList();
    assertThat(sent).extracting(List::size).containsExactly(256, 256, 88);
    assertThat(sent.stream().flatMap(List::stream).toList()).isEqualTo(names);
  }

  @Test
  void leavesOutNamesNoHeaderCanCarry() throws Exception {
    fastly.purge(List.of("model:a", "tag:modèle", "model:b"));

    assertThat(api.requests().get(0).header("Surrogate-Key")).isEqualTo("model:a model:b");
  }

  @Test
  void anErrorStatusFailsThePurgeAndKeepsRetryAfter() {
    api.enqueue(new Answer(429, "{\"msg\":\"rate limited\"}", Map.of("Retry-After", "30")));

    assertThatThrownBy(() -> fastly.purge(List.of("model:a")))
        .isInstanceOfSatisfying(
            EdgeException.class,
            e -> {
              assertThat(e.getMessage()).isEqualTo("HTTP 429: {\"msg\":\"rate limited\"}");
              assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
            });
  }

  @Test
  void anUnreachableApiFailsThePurge() {
    api.close();

    assertThatThrownBy(() -> fastly.purge(List.of("model:a")))
        .isInstanceOf(EdgeException.class)
        .hasMessageStartingWith("cannot reach it");
  }
}
