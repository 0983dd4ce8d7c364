package com.gatewayz.modelpages.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.gatewayz.modelpages.gateway.format.ListFormats;
import com.gatewayz.modelpages.platform.InvalidSettingException;
import com.gatewayz.modelpages.platform.SettingSource;
import com.gatewayz.modelpages.platform.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewayRegistryTest {

  private static final Path FILE = Path.of("server-config", "gateways.json");

  private static InputStream shipped() {
    try {
      return Files.newInputStream(FILE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static GatewayRegistry load(Map<String, String> settings) {
    return GatewayRegistry.load(
        Settings.load(SettingSource.ofMap(settings)), GatewayRegistryTest::shipped);
  }

  private static String soloRegistry() {
    return """
    {"gateways": [{"id": "solo", "displayName": "Solo", "listUrl": "file:/srv/solo.json",
      "format": "openai", "priority": "slow", "order": 1}]}\
    """;
  }

  @Test
  void theShippedRegistryHasTheOriginal23GatewaysAndModelsDev() {
    GatewayRegistry registry = load(Map.of());

    assertThat(registry.ids())
        .hasSize(24)
        .startsWith("openrouter", "groq", "together", "fireworks", "vercel-ai-gateway")
        .contains(
            "featherless",
            "chutes",
            "deepinfra",
            "google",
            "cerebras",
            "nebius",
            "xai",
            "novita",
            "huggingface",
            "aimo",
            "near",
            "fal",
            "helicone",
            "alpaca",
            "alibaba",
            "clarifai",
            "onerouter",
            "portkey",
            "models-dev");
    assertThat(registry.enabled())
        .extracting(Gateway::id)
        .hasSize(22)
        .doesNotContain("portkey", "models-dev");
    assertThat(registry.find("portkey")).get().extracting(Gateway::deprecated).isEqualTo(true);
    assertThat(registry.find("groq").get().priority()).isEqualTo(Gateway.Priority.FAST);
    assertThat(registry.find("xai").get().timeout()).hasMillis(3500);
    assertThat(registry.all())
        .allSatisfy(g -> assertThat(ListFormats.names()).contains(g.format()));
  }

  @Test
  void prioritiesPutOpenRouterFirstAndNameEveryGateway() {
    Map<String, Integer> priorities = load(Map.of()).priorities();

    int openRouter = priorities.get("openrouter");
    assertThat(priorities).hasSize(24);
    priorities.forEach(
        (id, order) -> assertThat(id.equals("openrouter") || order > openRouter).isTrue());
  }

  @Test
  void findsByIdOrAliasIgnoringCase() {
    GatewayRegistry registry = load(Map.of());

    assertThat(registry.find("hug")).get().extracting(Gateway::id).isEqualTo("huggingface");
    assertThat(registry.find("HuggingFace")).get().extracting(Gateway::id).isEqualTo("huggingface");
    assertThat(registry.find("nope")).isEmpty();
    assertThat(registry.find(null)).isEmpty();
  }

  @Test
  void theEnabledSettingReplacesTheFlagsAndAcceptsAliases() {
    GatewayRegistry registry =
        load(Map.of(Settings.GATEWAYS_ENABLED, "hug, models-dev,openrouter"));

    assertThat(registry.enabled())
        .extracting(Gateway::id)
        .containsExactly("openrouter", "huggingface", "models-dev");
  }

  @Test
  void anUnknownEnabledIdFailsListingTheValidIds() {
    assertThatThrownBy(() -> load(Map.of(Settings.GATEWAYS_ENABLED, "openrouter,grok")))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining(Settings.GATEWAYS_ENABLED)
        .hasMessageContaining("\"grok\"")
        .hasMessageContaining("openrouter, groq, together")
        .hasMessageContaining("aliases: hug");
  }

  @Test
  void aUrlSettingReplacesOneGatewaysListUrl() {
    GatewayRegistry registry =
        load(Map.of("MODEL_PAGES_GATEWAY_VERCEL_AI_GATEWAY_URL", "file:/srv/lists/vercel.json"));

    assertThat(registry.find("vercel-ai-gateway").get().listUrl())
        .isEqualTo(URI.create("file:/srv/lists/vercel.json"));
    assertThat(registry.find("groq").get().listUrl())
        .isEqualTo(URI.create("https://api.groq.com/openai/v1/models"));
  }

  @Test
  void aRelativeFileUrlSettingFails() {
    assertThatThrownBy(() -> load(Map.of("MODEL_PAGES_GATEWAY_GROQ_URL", "file:lists/groq.json")))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("MODEL_PAGES_GATEWAY_GROQ_URL");
  }

  @Test
  void theFileSettingReplacesTheBundledRegistry(@org.junit.jupiter.api.io.TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("gateways.json");
    Files.writeString(file, soloRegistry());
    Map<String, String> settings = new HashMap<>();
    settings.put(Settings.GATEWAYS_FILE, file.toString());

    assertThat(load(settings).ids()).containsExactly("solo");
  }

  @Test
  void anUnreadableFileSettingFailsNamingTheSetting() {
    assertThatThrownBy(() -> load(Map.of(Settings.GATEWAYS_FILE, "/no/such/gateways.json")))
        .isInstanceOf(GatewayRegistryException.class)
        .hasMessageContaining(Settings.GATEWAYS_FILE)
        .hasMessageContaining("/no/such/gateways.json");
  }

  @Test
  void aMissingBundledRegistryFailsClearly() {
    Settings settings = Settings.load(SettingSource.ofMap(Map.of()));

    assertThatThrownBy(() -> GatewayRegistry.load(settings, () -> null))
        .hasMessageContaining(GatewayRegistry.BUNDLED_RESOURCE);
  }
}
