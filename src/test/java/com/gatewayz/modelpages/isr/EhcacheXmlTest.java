package com.gatewayz.modelpages.isr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example Ehcache XML in server-config is a working replacement for the built-in configuration.
 */
class EhcacheXmlTest {

  @TempDir Path directory;

  @Test
  void theExampleConfigurationOpensAndPersists() throws Exception {
    String example = Files.readString(Path.of("server-config/ehcache.xml"));
    Path xml = directory.resolve("ehcache.xml");
    Files.writeString(
        xml,
        example.replace(
            "${user.home}/.model-pages/data/cache", directory.resolve("cache").toString()));
    CacheSizing sizing = new CacheSizing(directory, 0, 0, 0, Optional.of(xml));

    try (CacheStorage storage = CacheStorage.open(sizing)) {
      storage
          .pages()
          .put(
              "/k",
              CachedPage.of(
                  "/k",
                  RenderedPage.html(200, new byte[] {1, 2}, java.util.Set.of()),
                  new String[] {"t"},
                  1,
                  1,
                  1));
    }
    try (CacheStorage storage = CacheStorage.open(sizing)) {
      assertThat(storage.pages().get("/k").identityBody()).containsExactly(1, 2);
      assertThat(storage.entryCount()).isEqualTo(1);
    }
  }
}
