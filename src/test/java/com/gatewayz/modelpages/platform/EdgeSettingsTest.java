package com.gatewayz.modelpages.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EdgeSettingsTest {

  private static final String FASTLY_TOKEN = "fastly-token-0123456789";
  private static final String CF_TOKEN = "cf-token-0123456789";

  private static EdgeSettings load(Map<String, String> values) {
    return Settings.load(SettingSource.ofMap(values)).edges();
  }

  @Test
  void noEdgeIsConfiguredByDefault() {
    EdgeSettings edges = load(Map.of());

    assertThat(edges.isEmpty()).isTrue();
    assertThat(edges.toString()).isEqualTo("none");
  }

  @Test
  void everyEdgeIsReadWithItsApiUrlOrTheDefault() {
    EdgeSettings edges =
        load(
            Map.of(
                "MODEL_PAGES_EDGE_VARNISH_URLS",
                    " http://10.0.0.5:6081/ ,http://10.0.0.6:6081,,http://10.0.0.5:6081",
                "MODEL_PAGES_EDGE_FASTLY_SERVICE_ID", "SU1Z0isxPaozGVKXdv0eY",
                "MODEL_PAGES_EDGE_FASTLY_TOKEN", FASTLY_TOKEN,
                "MODEL_PAGES_EDGE_CLOUDFLARE_ZONE_ID", "023e105f4ecef8ad9ca31a8372d0c353",
                "MODEL_PAGES_EDGE_CLOUDFLARE_TOKEN", CF_TOKEN,
                "MODEL_PAGES_EDGE_CLOUDFLARE_API_URL", "http://127.0.0.1:9999/client/v4/"));

    assertThat(edges.varnishUrls())
        .containsExactly(URI.create("http://10.0.0.5:6081"), URI.create("http://10.0.0.6:6081"));
    assertThat(edges.fastly())
        .contains(
            new EdgeSettings.Api(
                "SU1Z0isxPaozGVKXdv0eY", FASTLY_TOKEN, URI.create("https://api.fastly.com")));
    assertThat(edges.cloudflare())
        .contains(
            new EdgeSettings.Api(
                "023e105f4ecef8ad9ca31a8372d0c353",
                CF_TOKEN,
                URI.create("http://127.0.0.1:9999/client/v4")));
  }

  @Test
  void tokensAreNeverPrinted() {
    Settings settings =
        Settings.load(
            SettingSource.ofMap(
                Map.of(
                    "MODEL_PAGES_EDGE_FASTLY_SERVICE_ID",
                    "SERVICE",
                    "MODEL_PAGES_EDGE_FASTLY_TOKEN",
                    FASTLY_TOKEN,
                    "MODEL_PAGES_EDGE_CLOUDFLARE_ZONE_ID",
                    "ZONE",
                    "MODEL_PAGES_EDGE_CLOUDFLARE_TOKEN",
                    CF_TOKEN)));

    assertThat(settings.toString())
        .contains("edges=fastly, cloudflare")
        .doesNotContain(FASTLY_TOKEN)
        .doesNotContain(CF_TOKEN);
    assertThat(settings.edges().fastly().orElseThrow().toString()).doesNotContain(FASTLY_TOKEN);
  }

  @ParameterizedTest
  @CsvSource({
    "MODEL_PAGES_EDGE_VARNISH_URLS, 'http://ok:6081,varnish:6081'",
    "MODEL_PAGES_EDGE_VARNISH_URLS, ftp://varnish",
    "MODEL_PAGES_EDGE_VARNISH_URLS, 'http://varnish:6081/?purge=1'",
    "MODEL_PAGES_EDGE_FASTLY_API_URL, not a url"
  })
  void aBadValueStopsStartUpNamingTheSettingAndTheValue(String name, String value) {
    Map<String, String> values =
        name.contains("FASTLY")
            ? Map.of(
                name,
                value,
                "MODEL_PAGES_EDGE_FASTLY_SERVICE_ID",
                "S",
                "MODEL_PAGES_EDGE_FASTLY_TOKEN",
                FASTLY_TOKEN)
            : Map.of(name, value);

    assertThatThrownBy(() -> load(values))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining(name)
        .hasMessageContaining(
            value.contains(",") ? value.substring(value.indexOf(',') + 1) : value);
  }

  @Test
  void anIdWithoutItsTokenOrATokenWithoutItsIdIsRejected() {
    assertThatThrownBy(() -> load(Map.of("MODEL_PAGES_EDGE_FASTLY_SERVICE_ID", "SERVICE")))
        .hasMessageContaining("MODEL_PAGES_EDGE_FASTLY_TOKEN");
    assertThatThrownBy(() -> load(Map.of("MODEL_PAGES_EDGE_CLOUDFLARE_TOKEN", CF_TOKEN)))
        .hasMessageContaining("MODEL_PAGES_EDGE_CLOUDFLARE_ZONE_ID")
        .hasMessageNotContaining(CF_TOKEN);
  }

  @Test
  void hostileIdsAndTokensAreRejectedWithoutEchoingTheToken() {
    assertThatThrownBy(
            () ->
                load(
                    Map.of(
                        "MODEL_PAGES_EDGE_FASTLY_SERVICE_ID",
                        "../../x",
                        "MODEL_PAGES_EDGE_FASTLY_TOKEN",
                        FASTLY_TOKEN)))
        .hasMessageContaining("MODEL_PAGES_EDGE_FASTLY_SERVICE_ID")
        .hasMessageContaining("../../x");
    for (String token : List.of("short", "token with spaces in it", "token\r\nX-Injected: 1")) {
      assertThatThrownBy(
              () ->
                  load(
                      Map.of(
                          "MODEL_PAGES_EDGE_CLOUDFLARE_ZONE_ID",
                          "ZONE",
                          "MODEL_PAGES_EDGE_CLOUDFLARE_TOKEN",
                          token)))
          .as(token)
          .hasMessageContaining("MODEL_PAGES_EDGE_CLOUDFLARE_TOKEN")
          .hasMessageNotContaining(token);
    }
  }
}
