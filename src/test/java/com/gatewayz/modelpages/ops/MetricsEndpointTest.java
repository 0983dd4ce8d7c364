package com.gatewayz.modelpages.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.testing.SiteExtension;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /metrics} in the Prometheus format, with counts that follow the traffic. */
class MetricsEndpointTest {

  @RegisterExtension static final SiteExtension site = SiteExtension.with();

  private static String scrape() {
    var response = site.get("/metrics");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  static double value(String scrape, String series) {
    Matcher matcher =
        Pattern.compile("^" + Pattern.quote(series) + " ([0-9.eE+-]+)$", Pattern.MULTILINE)
            .matcher(scrape);
    assertThat(matcher.find()).as("series %s in%n%s", series, scrape).isTrue();
    return Double.parseDouble(matcher.group(1));
  }

  @Test
  void theMonitoringSeriesArePresent() {
    String scrape = scrape();

    assertThat(scrape)
        .contains("modelpages_cache_requests_total{result=\"hit\"}")
        .contains("modelpages_cache_requests_total{result=\"stale\"}")
        .contains("modelpages_cache_requests_total{result=\"miss\"}")
        .contains("modelpages_revalidations_total{trigger=\"time\"}")
        .contains("modelpages_revalidations_total{trigger=\"tag\"}")
        .contains("modelpages_revalidations_total{trigger=\"path\"}")
        .contains("modelpages_render_seconds_bucket")
        .contains("modelpages_catalog_models ")
        .contains("modelpages_cache_entries ")
        .contains("jvm_memory_used_bytes");
    assertThat(value(scrape, "modelpages_catalog_models")).isGreaterThanOrEqualTo(60);
  }

  @Test
  void countsMoveWithTraffic() {
    String before = scrape();
    site.get("/models/openai/o3");
    site.get("/models/openai/o3");
    String after = scrape();

    assertThat(value(after, "modelpages_cache_requests_total{result=\"hit\"}"))
        .isEqualTo(value(before, "modelpages_cache_requests_total{result=\"hit\"}") + 1);
    assertThat(value(after, "modelpages_cache_requests_total{result=\"miss\"}"))
        .isEqualTo(value(before, "modelpages_cache_requests_total{result=\"miss\"}") + 1);
    assertThat(value(after, "modelpages_render_seconds_count"))
        .isGreaterThan(value(before, "modelpages_render_seconds_count"));
  }
}
