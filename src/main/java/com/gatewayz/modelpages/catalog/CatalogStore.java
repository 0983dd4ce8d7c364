package com.gatewayz.modelpages.catalog;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The durable catalog: one JSON file under the data directory, replaced atomically (temp file,
 * fsync, rename, fsync of the directory), so a crash at any moment leaves either the old or the new
 * catalog, never a torn one. Loaded at start-up before pre-rendering.
 */
public final class CatalogStore {

  static final String FILE = "catalog.json";
  private static final int FORMAT = 1;
  private static final Logger LOG = Logger.getLogger(CatalogStore.class.getName());

  private final Path file;

  public CatalogStore(Path dataDir) {
    this.file = dataDir.resolve(FILE);
  }

  /** The stored catalog; empty when none was stored or it cannot be read (logged). */
  public Optional<Catalog> load() {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try (InputStream in = Files.newInputStream(file);
        JsonReader reader = Json.createReader(in)) {
      return Optional.of(read(reader.readObject()));
    } catch (IOException | RuntimeException | InvalidModelException e) {
      LOG.log(Level.WARNING, "[Catalog] the stored catalog " + file + " cannot be read; ignoring it", e);
      return Optional.empty();
    }
  }

  private static Catalog read(JsonObject stored) throws InvalidModelException {
    if (stored.getInt("format", 0) != FORMAT) {
      throw new InvalidModelException("format", "is not " + FORMAT);
    }
    List<Model> models = ModelJson.readAll(stored.getJsonArray("models"), "models");
    Map<String, RetiredModel> retired = new LinkedHashMap<>();
    JsonArray retiredArray = stored.containsKey("retired") ? stored.getJsonArray("retired") : JsonValue.EMPTY_JSON_ARRAY;
    for (JsonObject entry : retiredArray.getValuesAs(JsonObject.class)) {
      RetiredModel model =
          new RetiredModel(
              entry.getString("id"),
              entry.getString("name", entry.getString("id")),
              entry.getString("provider_slug", ""),
              entry.getJsonNumber("retired_at").longValue());
      retired.put(model.id(), model);
    }
    return Catalog.of(models, retired);
  }

  /** Writes {@code catalog} durably: when this returns, a crash cannot lose it. */
  public void save(Catalog catalog) {
    Path temp = file.resolveSibling(FILE + ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(temp);
          JsonWriter writer = Json.createWriter(out)) {
        writer.writeObject(write(catalog));
      }
      fsync(temp, false);
      move(temp);
      fsync(file.getParent(), true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store the catalog in " + file, e);
    }
  }

  private static JsonObject write(Catalog catalog) {
    JsonArrayBuilder models = Json.createArrayBuilder();
    catalog.models().forEach(model -> models.add(ModelJson.write(model)));
    JsonArrayBuilder retired = Json.createArrayBuilder();
    for (RetiredModel model : catalog.retiredModels().values()) {
      retired.add(
          Json.createObjectBuilder()
              .add("id", model.id())
              .add("name", model.name())
              .add("provider_slug", model.developer())
              .add("retired_at", model.retiredAt()));
    }
    return Json.createObjectBuilder().add("format", FORMAT).add("models", models).add("retired", retired).build();
  }

  private void move(Path temp) throws IOException {
    try {
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void fsync(Path path, boolean directory) throws IOException {
    try (FileChannel channel = FileChannel.open(path, directory ? StandardOpenOption.READ : StandardOpenOption.WRITE)) {
      channel.force(true);
    } catch (IOException e) {
      if (!directory) {
        throw e;
      }
      // Some file systems cannot open a directory for sync; the rename is still atomic there.
    }
  }
}
