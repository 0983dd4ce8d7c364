package com.gatewayz.modelpages;

import static org.assertj.core.api.Assertions.assertThat;

import com.gatewayz.modelpages.platform.Settings;
import com.gatewayz.modelpages.testing.Http;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The servers the integration tests start inherit the environment of the failsafe JVM, so the pom
 * removes every setting of the application from it: an exported {@code MODEL_PAGES_DATA_DIR} or
 * admin token must never reach a test server. This keeps that list complete as settings are added.
 */
class HermeticEnvironmentTest {

  private static final Pattern EXCLUDED =
      Pattern.compile("<excludedEnvironmentVariable>([A-Z0-9_]+)</excludedEnvironmentVariable>");

  @Test
  void everySettingIsKeptAwayFromTheIntegrationTestServers() throws IOException {
    Set<String> excluded = excludedByTheIntegrationTests();

    assertThat(excluded)
        .containsAll(settingNames())
        .containsAll(namesInTheSources())
        .containsAll(gatewaySettingNames());
  }

  /** Every complete setting name the application's sources spell out, wherever it is read. */
  private static Set<String> namesInTheSources() throws IOException {
    Pattern literal = Pattern.compile("\"(MODEL_[A-Z0-9_]*[A-Z0-9])\"");
    Set<String> names = new TreeSet<>();
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
      for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
        Matcher matcher = literal.matcher(Files.readString(source));
        while (matcher.find()) {
          names.add(matcher.group(1));
        }
      }
    }
    assertThat(names).contains(Settings.DATA_DIR);
    return names;
  }

  private static Set<String> excludedByTheIntegrationTests() throws IOException {
    Matcher matcher = EXCLUDED.matcher(Files.readString(Path.of("pom.xml")));
    Set<String> names = new TreeSet<>();
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  private static List<String> settingNames() {
    List<String> names = new ArrayList<>();
    for (Field field : Settings.class.getFields()) {
      if (isConstant(field) && field.getType() == String.class) {
        String value = (String) read(field);
        if (value.startsWith("MODEL_")) {
          names.add(value);
        }
      }
    }
    assertThat(names).contains(Settings.DATA_DIR, Settings.ADMIN_TOKEN, Settings.WEBHOOK_SECRET);
    return names;
  }

  /** Per-gateway URL overrides and API keys of the bundled registry. */
  private static List<String> gatewaySettingNames() throws IOException {
    JsonObject registry = Http.json(Files.readString(Path.of("server-config/gateways.json")));
    return registry.getJsonArray("gateways").getValuesAs(JsonObject.class).stream()
        .flatMap(
            gateway ->
                Stream.of(
                        Settings.GatewayUrls.settingName(gateway.getString("id")),
                        gateway.isNull("apiKeyEnv") ? null : gateway.getString("apiKeyEnv"))
                    .filter(name -> name != null))
        .toList();
  }

  private static boolean isConstant(Field field) {
    int modifiers = field.getModifiers();
    return Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers);
  }

  private static Object read(Field field) {
    try {
      return field.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
