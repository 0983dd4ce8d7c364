package com.gatewayz.modelpages.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.gatewayz.modelpages.testing.RecordingServer;
import com.gatewayz.modelpages.testing.RecordingServer.Answer;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The requests the Varnish edge sends: what server-config/varnish/default.vcl expects. */
class VarnishEdgeTest {

  private final RecordingServer varnish =
      RecordingServer.start(Answer.of(200, "Soft-purged 1 objects"));
  private final VarnishEdge edge =
      new VarnishEdge("varnish-1", URI.create(varnish.url()), EdgeHttp.create());

  @AfterEach
  void stop() {
    varnish.close();
  }

  @Test
  void sendsAPurgeWithTheNamesInAnXkeyHeader() throws Exception {
    edge.purge(List.of("model:openai/gpt-4o", "models:list"));

    RecordingServer.Request request = varnish.requests().get(0);
    assertThat(request.method()).isEqualTo("PURGE");
    assertThat(request.path()).isEqualTo("/");
    assertThat(request.header("xkey")).isEqualTo("model:openai/gpt-4o models:list");
  }

  @Test
  void keepsEachXkeyHeaderWithinVarnishsLimits() throws Exception {
    List<String> names = IntStream.range(0, 250).mapToObj(i -> "model:m/" + i).toList();
    List<String> longNames =
        IntStream.range(0, 12).mapToObj(i -> "path:/models/" + i + "x".repeat(1_000)).toList();

    edge.purge(names);
    edge.purge(longNames);

    List<String> headers = varnish.requests().stream().map(r -> r.header("xkey")).toList();
    assertThat(headers).hasSize(3 + 3);
    assertThat(headers)
        .allSatisfy(
            header ->
                assertThat(header.length()).isLessThanOrEqualTo(VarnishEdge.MAX_HEADER_CHARS));
    assertThat(headers.subList(0, 3))
        .extracting(h -> h.split(" ").length)
        .containsExactly(100, 100, 50);
    assertThat(headers.stream().flatMap(h -> Arrays.stream(h.split(" "))).toList())
        .containsExactlyElementsOf(
            java.util.stream.Stream.concat(names.stream(), longNames.stream()).toList());
  }

  @Test
  void aRefusedPurgeFails() {
    varnish.enqueue(Answer.of(403, "Forbidden"));

    assertThatThrownBy(() -> edge.purge(List.of("model:a")))
        .isInstanceOf(EdgeException.class)
        .hasMessage("HTTP 403: Forbidden");
  }
}
