package com.gatewayz.modelpages.api;

import com.gatewayz.modelpages.catalog.Model;
import com.gatewayz.modelpages.catalog.ModelJson;
import com.gatewayz.modelpages.platform.JsonSupport;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The JSON of each model as the list answers embed it, encoded once per {@link Model} object, not
 * once per answer: a model unchanged by a catalog change is the same object in the next snapshot,
 * so a search answer copies the bytes of the models it lists instead of building and writing their
 * JSON again. Kept by identity (weak keys: a model no snapshot holds any more goes) in a cache
 * bounded in bytes. Thread-safe.
 */
final class EncodedModels {

  static final long MAX_BYTES = 16L * 1024 * 1024;
  private static final JsonGeneratorFactory GENERATORS =
      JsonSupport.JSON.createGeneratorFactory(Map.of());
  private static final byte[] DATA = "{\"data\":[".getBytes(StandardCharsets.UTF_8);
  private static final byte[] TOTAL = "],\"total\":".getBytes(StandardCharsets.UTF_8);

  private final Cache<Model, byte[]> encoded =
      Caffeine.newBuilder()
          .weakKeys()
          .maximumWeight(MAX_BYTES)
          .weigher((Model model, byte[] json) -> json.length)
          .executor(Runnable::run)
          .build();

  /** {@code {"data":[...],"total":N}}: what JSON-B writes for {@link ModelAnswers.Page}. */
  byte[] page(List<Model> models, int total) {
    byte[][] parts = new byte[models.size()][];
    byte[] count = Integer.toString(total).getBytes(StandardCharsets.US_ASCII);
    int size = DATA.length + Math.max(0, parts.length - 1) + TOTAL.length + count.length + 1;
    for (int i = 0; i < parts.length; i++) {
      parts[i] = of(models.get(i));
      size += parts[i].length;
    }
    // One array of the answer's size: a 70 KB answer is not grown and copied on the way.
    ByteBuffer out = ByteBuffer.allocate(size).put(DATA);
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        out.put((byte) ',');
      }
      out.put(parts[i]);
    }
    return out.put(TOTAL).put(count).put((byte) '}').array();
  }

  byte[] of(Model model) {
    return encoded.get(model, EncodedModels::encode);
  }

  // Parsson's generator, the one JSON-B writes with, without JSON-B's per-call set-up.
  private static byte[] encode(Model model) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    try (JsonGenerator generator = GENERATORS.createGenerator(out, StandardCharsets.UTF_8)) {
      generator.write(ModelJson.write(model));
    }
    return out.toByteArray();
  }
}
