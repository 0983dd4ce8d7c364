package com.gatewayz.modelpages.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsTest {

  @Test
  void defaultsWorkOutOfTheBox() {
    Settings settings = Settings.load(SettingSource.ofMap(Map.of()));

    assertThat(settings.dataDir())
        .isEqualTo(Path.of(System.getProperty("user.home"), ".model-pages", "data"));
    assertThat(settings.publicUrl()).isEqualTo(URI.create("http://localhost:8080"));
    assertThat(settings.revalidateSeconds()).isEqualTo(3600);
    assertThat(settings.prerenderLimit()).isEqualTo(50);
    assertThat(settings.dynamicParams()).isTrue();
    assertThat(settings.refreshSeconds()).isEqualTo(900);
    assertThat(settings.gatewaysEnabled()).isEmpty();
    assertThat(settings.webhookSecret()).isEmpty();
    assertThat(settings.webhookMaxBytes()).isEqualTo(4_194_304);
    assertThat(settings.webhookLimits()).isEqualTo(new Settings.WebhookLimits(30, 4));
    assertThat(settings.adminToken()).isEmpty();
    assertThat(settings.signInLimits()).isEqualTo(new Settings.SignInLimits(5, 900, 60));
    assertThat(settings.cacheHeapEntries()).isEqualTo(2000);
    assertThat(settings.cacheOffheapMb()).isEqualTo(64);
    assertThat(settings.cacheDiskMb()).isEqualTo(1024);
    assertThat(settings.clusterUri()).isEmpty();
    assertThat(settings.gatewayDropConfirmations()).isEqualTo(3);
  }

  @Test
  void theEnvironmentWinsOverSystemPropertiesWhichWinOverContextParameters() {
    SettingSource source =
        new SettingSource(
            Map.of("MODEL_PAGES_REVALIDATE_SECONDS", "10")::get,
            Map.of("MODEL_PAGES_REVALIDATE_SECONDS", "20", "MODEL_PAGES_PRERENDER_LIMIT", "5")::get,
            Map.of(
                    "MODEL_PAGES_REVALIDATE_SECONDS",
                    "30",
                    "MODEL_PAGES_PRERENDER_LIMIT",
                    "6",
                    "MODEL_PAGES_DYNAMIC_PARAMS",
                    "false")
                ::get);

    Settings settings = Settings.load(source);

    assertThat(settings.revalidateSeconds()).isEqualTo(10);
    assertThat(settings.prerenderLimit()).isEqualTo(5);
    assertThat(settings.dynamicParams()).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "MODEL_PAGES_REVALIDATE_SECONDS, abc",
    "MODEL_PAGES_REVALIDATE_SECONDS, 0",
    "MODEL_PAGES_PRERENDER_LIMIT, -1",
    "MODEL_PAGES_DYNAMIC_PARAMS, maybe",
    "MODEL_PAGES_PUBLIC_URL, localhost:8080",
    "MODEL_PAGES_PUBLIC_URL, ftp://example.com",
    "MODEL_PAGES_WEBHOOK_MAX_BYTES, 12",
    "MODEL_PAGES_WEBHOOK_READ_TIMEOUT_SECONDS, 0",
    "MODEL_PAGES_WEBHOOK_MAX_CONCURRENT, none",
    "MODEL_PAGES_ADMIN_MAX_FAILURES, 0",
    "MODEL_PAGES_ADMIN_FAILURE_WINDOW_SECONDS, -5",
    "MODEL_PAGES_ADMIN_LOCKOUT_SECONDS, 1d",
    "MODEL_PAGES_CACHE_HEAP_ENTRIES, lots",
    "MODEL_PAGES_CLUSTER_URI, http://localhost:9410",
    "MODEL_PAGES_GATEWAYS_ENABLED, 'openrouter,Not A Gateway!'",
    "MODEL_PAGES_GATEWAY_GROQ_URL, gopher://x",
    "MODEL_PAGES_GATEWAY_DROP_CONFIRMATIONS, 0"
  })
  void aBadValueStopsStartUpNamingTheSettingAndTheValue(String name, String value) {
    SettingSource source = SettingSource.ofMap(Map.of(name, value));

    assertThatThrownBy(() -> Settings.load(source).gatewayUrls().forGateway("groq"))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining(name)
        .hasMessageContaining(value);
  }

  @Test
  void aShortAdminTokenIsRejectedWithoutEchoingIt() {
    assertThatThrownBy(
            () -> Settings.load(SettingSource.ofMap(Map.of("MODEL_PAGES_ADMIN_TOKEN", "secret"))))
        .hasMessageContaining("MODEL_PAGES_ADMIN_TOKEN")
        .hasMessageNotContaining("secret");
  }

  @Test
  void webhookAndSignInLimitsAreRead() {
    Settings settings =
        Settings.load(
            SettingSource.ofMap(
                Map.of(
                    "MODEL_PAGES_WEBHOOK_READ_TIMEOUT_SECONDS", "5",
                    "MODEL_PAGES_WEBHOOK_MAX_CONCURRENT", "2",
                    "MODEL_PAGES_ADMIN_MAX_FAILURES", "3",
                    "MODEL_PAGES_ADMIN_FAILURE_WINDOW_SECONDS", "60",
                    "MODEL_PAGES_ADMIN_LOCKOUT_SECONDS", "10")));

    assertThat(settings.webhookLimits()).isEqualTo(new Settings.WebhookLimits(5, 2));
    assertThat(settings.signInLimits()).isEqualTo(new Settings.SignInLimits(3, 60, 10));
  }

  @Test
  void gatewayListsAndUrlOverridesAreParsed() {
    Settings settings =
        Settings.load(
            SettingSource.ofMap(
                Map.of(
                    "MODEL_PAGES_GATEWAYS_ENABLED", " openrouter, groq ,,groq",
                    "MODEL_PAGES_GATEWAY_VERCEL_AI_GATEWAY_URL", "file:/tmp/models.json")));

    assertThat(settings.gatewaysEnabled()).contains(List.of("openrouter", "groq"));
    assertThat(Settings.GatewayUrls.settingName("vercel-ai-gateway"))
        .isEqualTo("MODEL_PAGES_GATEWAY_VERCEL_AI_GATEWAY_URL");
    assertThat(settings.gatewayUrls().forGateway("vercel-ai-gateway"))
        .contains(URI.create("file:/tmp/models.json"));
    assertThat(settings.gatewayUrls().forGateway("groq")).isEmpty();
  }

  @Test
  void theLiveFeedIsCappedOutOfTheBox() {
    Settings settings = Settings.load(SettingSource.ofMap(Map.of()));

    assertThat(settings.liveMaxSubscribers()).isEqualTo(1_000);
    assertThat(settings.liveMaxPerClient()).isEqualTo(20);
    assertThat(settings.liveTimeoutSeconds()).isEqualTo(300);
  }

  @ParameterizedTest
  @CsvSource({
    "MODEL_PAGES_LIVE_MAX_SUBSCRIBERS, -1",
    "MODEL_PAGES_LIVE_MAX_PER_CLIENT, 0",
    "MODEL_PAGES_LIVE_TIMEOUT_SECONDS, 0",
    "MODEL_PAGES_LIVE_TIMEOUT_SECONDS, forever"
  })
  void anUncappedOrEndlessLiveFeedIsRefused(String name, String value) {
    assertThatThrownBy(() -> Settings.load(SettingSource.ofMap(Map.of(name, value))))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining(name)
        .hasMessageContaining(value);
  }

  @Test
  void absoluteUrlsComeFromThePublicUrl() {
    Settings settings =
        Settings.load(
            SettingSource.ofMap(Map.of("MODEL_PAGES_PUBLIC_URL", "https://models.example.com/")));

    assertThat(settings.absoluteUrl("/models/a/b"))
        .isEqualTo("https://models.example.com/models/a/b");
  }
}
