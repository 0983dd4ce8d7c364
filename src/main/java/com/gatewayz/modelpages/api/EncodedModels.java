package com.gatewayz.modelpages.api;

import com.gatewayz.modelpages.catalog.Model;
import com.gatewayz.modelpages.catalog.ModelJson;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The JSON of each model as the list answers embed it, encoded once per {@link Model} object, not
 * once per answer: a model unchanged by a catalog change is the same object in the next snapshot,
 * so a search answer copies the bytes of the models it lists instead of building and writing their
 * JSON again. Kept by identity (weak keys: a model no snapshot holds any more goes) in a cache
 * bounded in bytes. Thread-safe.
 */
final class EncodedModels {

  static final long MAX_BYTES = 16L * 1024 * 1024;
  // Thread-safe; a default one writes what Jersey's JSON-B provider writes.
  static final Jsonb JSONB = JsonbBuilder.create();
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
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 + models.size() * 1024);
    out.writeBytes(DATA);
    for (int i = 0; i < models.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.writeBytes(of(models.get(i)));
    }
    out.writeBytes(TOTAL);
    out.writeBytes(Integer.toString(total).getBytes(StandardCharsets.US_ASCII));
    out.write('}');
    return out.toByteArray();
  }

  byte[] of(Model model) {
    return encoded.get(model, EncodedModels::encode);
  }

  private static byte[] encode(Model model) {
    return JSONB.toJson(ModelJson.write(model)).getBytes(StandardCharsets.UTF_8);
  }
}
