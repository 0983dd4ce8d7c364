package com.gatewayz.modelpages.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.gatewayz.modelpages.pages.internal.ViewWarmUp;
import com.gatewayz.modelpages.testing.EmbeddedSite;
import com.gatewayz.modelpages.testing.EmbeddedTomcat;
import jakarta.servlet.ServletContext;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Once pre-render rendered the model pages, every other view is compiled ahead without being run: a
 * visitor's first index or 404 page then finds its view compiled.
 */
class ViewWarmUpTest {

  private static final List<String> VIEWS =
      List.of(
          "admin-login",
          "admin-message",
          "admin",
          "error",
          "index",
          "model",
          "not-found",
          "retired");

  private final Logger logger = Logger.getLogger(ViewWarmUp.class.getName());
  private final List<String> logged = new CopyOnWriteArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          logged.add(record.getLevel() + " " + record.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void listen() {
    logger.addHandler(capture);
  }

  @AfterEach
  void stopListening() {
    logger.removeHandler(capture);
  }

  @Test
  void afterPreRenderEveryViewIsCompiledAheadAndNoneRuns() {
    try (EmbeddedTomcat site = EmbeddedSite.start(Map.of("MODEL_PAGES_PRERENDER_LIMIT", "2"))) {
      await()
          .atMost(Duration.ofSeconds(120))
          .until(() -> logged.stream().anyMatch(m -> m.contains("views compiled")));

      assertThat(logged).hasSize(1);
      assertThat(logged.get(0))
          .startsWith("INFO [Pages] 8 views compiled in ")
          .contains("thread(s) (index ", "model ", "admin ")
          .doesNotContain("failed");
      Path generated =
          workDirectory(site.servletContext()).resolve("org/apache/jsp/WEB_002dINF/views");
      for (String view : VIEWS) {
        assertThat(generated.resolve(view.replace("-", "_002d") + "_jsp.class")).as(view).exists();
      }
      assertThat(site.get("/models").statusCode()).isEqualTo(200);
    }
  }

  private static Path workDirectory(ServletContext context) {
    return ((File) context.getAttribute(ServletContext.TEMPDIR)).toPath();
  }
}
