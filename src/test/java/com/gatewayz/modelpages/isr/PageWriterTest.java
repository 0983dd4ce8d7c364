package com.gatewayz.modelpages.isr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PageWriterTest {

  private final CachedPage page =
      CachedPage.of(
          "/p/a",
          RenderedPage.html(200, "<html>a</html>".getBytes(StandardCharsets.UTF_8), Set.of()),
          new String[0],
          1,
          0,
          0);

  private static void write(PageWriter writer, CachedPage page, String acceptEncoding)
      throws IOException {
    writer.write(
        RequestForBench.withAcceptEncoding(acceptEncoding), new ResponseForBench(), page, "HIT", 0);
  }

  @Test
  void madeUpAcceptEncodingsCannotCrowdTheCommonOnesOutOfTheMemo() throws IOException {
    PageWriter writer = new PageWriter(60);

    for (int i = 0; i < 5_000; i++) {
      write(writer, page, "x-made-up-" + i);
    }
    write(writer, page, "gzip, deflate, br");

    assertThat(writer.remembersEncoding("gzip, deflate, br")).isTrue();
    assertThat(writer.rememberedEncodings())
        .isBetween(1L, (long) PageWriter.MAX_REMEMBERED_ENCODINGS);
  }

  @Test
  void theEncodingFollowsTheHeader() throws IOException {
    PageWriter writer = new PageWriter(60);
    ResponseForBench gzip = new ResponseForBench();
    ResponseForBench identity = new ResponseForBench();

    writer.write(RequestForBench.withAcceptEncoding("br;q=1, gzip;q=0.5"), gzip, page, "HIT", 0);
    writer.write(RequestForBench.withAcceptEncoding("gzip;q=0, br"), identity, page, "HIT", 0);

    assertThat(gzip.getHeader("Content-Encoding")).isEqualTo("gzip");
    assertThat(gzip.contentLength()).isEqualTo(page.gzipLength());
    assertThat(identity.getHeader("Content-Encoding")).isNull();
    assertThat(identity.bytesWritten()).isEqualTo(page.identityLength());
  }
}
