package com.gatewayz.modelpages.isr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CachedPageSerializerTest {

  private final CachedPageSerializer serializer =
      new CachedPageSerializer(getClass().getClassLoader());

  @Test
  void anEntryReadsBackWithEveryField() {
    byte[] body = "<html>é ü — page</html>".getBytes(StandardCharsets.UTF_8);
    RenderedPage rendered =
        new RenderedPage(301, "text/html;charset=UTF-8", body, Set.of("a"), 60, "/models/x");
    CachedPage page =
        CachedPage.of(
            "/models/x?page=2",
            rendered,
            new String[] {"model:x", "models:list"},
            42,
            1_000,
            7_000);

    CachedPage copy = serializer.read(serializer.serialize(page));

    assertThat(copy.key()).isEqualTo("/models/x?page=2");
    assertThat(copy.path()).isEqualTo("/models/x");
    assertThat(copy.status()).isEqualTo(301);
    assertThat(copy.location()).isEqualTo("/models/x");
    assertThat(copy.tags()).containsExactly("model:x", "models:list");
    assertThat(copy.renderTick()).isEqualTo(42);
    assertThat(copy.renderedAtMillis()).isEqualTo(1_000);
    assertThat(copy.maxAgeSeconds()).isEqualTo(60);
    assertThat(copy.hash()).isEqualTo(page.hash());
    assertThat(copy.identityBody()).isEqualTo(body);
    assertThat(serializer.equals(page, serializer.serialize(page))).isTrue();
  }

  @Test
  void theBodyIsStoredGzippedOnce() {
    byte[] body = "<p>repeat</p>".repeat(500).getBytes(StandardCharsets.UTF_8);
    CachedPage page =
        CachedPage.of("/k", RenderedPage.html(200, body, Set.of()), new String[0], 1, 1, 1);

    assertThat(page.gzipLength()).isLessThan(body.length / 10);
    assertThat(page.identityLength()).isEqualTo(body.length);
  }
}
