package com.gatewayz.modelpages.catalog;

import com.gatewayz.modelpages.platform.JsonSupport;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The bundled curated catalog: real models with their public facts, most popular first. It is what
 * the site serves when no gateway is reachable and nothing was stored yet.
 */
public final class CuratedModels {

  static final String RESOURCE = "curated-models.json";

  private CuratedModels() {}

  public static List<Model> load() {
    try (InputStream in = CuratedModels.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the bundled " + RESOURCE + " is missing from the WAR");
      }
      try (JsonReader reader = JsonSupport.JSON.createReader(in)) {
        return ModelJson.readAll(reader.readArray(), "curated-models");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InvalidModelException e) {
      throw new IllegalStateException(
          "the bundled " + RESOURCE + " is invalid: " + e.getMessage(), e);
    }
  }
}
