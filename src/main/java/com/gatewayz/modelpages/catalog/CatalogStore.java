package com.gatewayz.modelpages.catalog;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.spi.JsonProvider;
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
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The durable catalog state: one JSON file under the data directory, replaced atomically (temp
 * file, fsync, rename, fsync of the directory), so a crash at any moment leaves either the old or
 * the new state, never a torn one. Loaded at start-up before pre-rendering.
 */
public final class CatalogStore {

  // One provider for the class: Json.create* looks the provider up again on every call.
  private static final JsonProvider JSON = JsonProvider.provider();

  static final String FILE = "catalog.json";
  private static final int FORMAT = 2;
  private static final Logger LOG = Logger.getLogger(CatalogStore.class.getName());

  private final Path file;

  public CatalogStore(Path dataDir) {
    this.file = dataDir.resolve(FILE);
  }

  /** The stored state; empty when none was stored or it cannot be read (logged, then ignored). */
  public Optional<CatalogState> load() {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try (InputStream in = Files.newInputStream(file);
        JsonReader reader = JSON.createReader(in)) {
      return Optional.of(read(reader.readObject()));
    } catch (IOException | RuntimeException | InvalidModelException e) {
      LOG.log(Level.WARNING, "[Catalog] the stored catalog " + file + " cannot be read; ignoring it", e);
      return Optional.empty();
    }
  }

  /** The state as bytes, in the stored format (for sharing with other nodes). */
  public static byte[] toBytes(CatalogState state) {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (JsonWriter writer = JSON.createWriter(bytes)) {
      writer.writeObject(write(state));
    }
    return bytes.toByteArray();
  }

  /** A state from {@link #toBytes}. */
  public static CatalogState fromBytes(byte[] bytes) throws InvalidModelException {
    try (JsonReader reader = JSON.createReader(new java.io.ByteArrayInputStream(bytes))) {
      return read(reader.readObject());
    }
  }

  /** Writes {@code state} durably: when this returns, a crash cannot lose it. */
  public void save(CatalogState state) {
    Path temp = file.resolveSibling(FILE + ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(temp);
          JsonWriter writer = JSON.createWriter(out)) {
        writer.writeObject(write(state));
      }
      fsync(temp, false);
      move(temp);
      fsync(file.getParent(), true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store the catalog in " + file, e);
    }
  }

  private static CatalogState read(JsonObject stored) throws InvalidModelException {
    if (stored.getInt("format", 0) != FORMAT) {
      throw new InvalidModelException("format", "is not " + FORMAT);
    }
    Map<String, Map<String, SourceEntry>> sources = new LinkedHashMap<>();
    for (Map.Entry<String, JsonValue> source : stored.getJsonObject("sources").entrySet()) {
      sources.put(source.getKey(), entries(source.getValue().asJsonArray(), "sources." + source.getKey()));
    }
    Map<String, String> status = new LinkedHashMap<>();
    stored.getJsonObject("gateway_status").forEach((gateway, value) -> status.put(gateway, ((jakarta.json.JsonString) value).getString()));
    return new CatalogState(sources, retired(stored.getJsonArray("retired")), status);
  }

  private static Map<String, SourceEntry> entries(JsonArray array, String path) throws InvalidModelException {
    Map<String, SourceEntry> entries = new LinkedHashMap<>();
    for (int i = 0; i < array.size(); i++) {
      JsonObject entry = array.getJsonObject(i);
      Listing listing = entry.isNull("listing") ? null : ListingJson.read(entry.getJsonObject("listing"), path + "[" + i + "]");
      String id = listing == null ? entry.getString("id") : listing.id();
      entries.put(
          id,
          new SourceEntry(
              listing, entry.getJsonNumber("applied_at").longValue(), entry.getInt("misses"), entry.getBoolean("removed")));
    }
    return entries;
  }

  private static Map<String, RetiredModel> retired(JsonArray array) {
    Map<String, RetiredModel> retired = new LinkedHashMap<>();
    for (JsonObject entry : array.getValuesAs(JsonObject.class)) {
      RetiredModel model =
          new RetiredModel(
              entry.getString("id"),
              entry.getString("name", entry.getString("id")),
              entry.getString("provider_slug", ""),
              entry.getJsonNumber("retired_at").longValue());
      retired.put(model.id(), model);
    }
    return retired;
  }

  private static JsonObject write(CatalogState state) {
    JsonObjectBuilder sources = JSON.createObjectBuilder();
    state.sources().forEach((gateway, entries) -> sources.add(gateway, write(entries)));
    JsonArrayBuilder retired = JSON.createArrayBuilder();
    for (RetiredModel model : state.retired().values()) {
      retired.add(
          JSON.createObjectBuilder()
              .add("id", model.id())
              .add("name", model.name())
              .add("provider_slug", model.developer())
              .add("retired_at", model.retiredAt()));
    }
    JsonObjectBuilder status = JSON.createObjectBuilder();
    state.gatewayStatus().forEach(status::add);
    return JSON.createObjectBuilder()
        .add("format", FORMAT)
        .add("sources", sources)
        .add("retired", retired)
        .add("gateway_status", status)
        .build();
  }

  private static JsonArrayBuilder write(Map<String, SourceEntry> entries) {
    JsonArrayBuilder array = JSON.createArrayBuilder();
    entries.forEach(
        (id, entry) -> {
          JsonObjectBuilder json =
              JSON.createObjectBuilder()
                  .add("id", id)
                  .add("applied_at", entry.appliedAt())
                  .add("misses", entry.misses())
                  .add("removed", entry.removed());
          if (entry.listing() == null) {
            json.addNull("listing");
          } else {
            json.add("listing", ListingJson.write(entry.listing()));
          }
          array.add(json);
        });
    return array;
  }

  private void move(Path temp) throws IOException {
    try {
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void fsync(Path path, boolean directory) throws IOException {
    try (FileChannel channel =
        FileChannel.open(path, directory ? StandardOpenOption.READ : StandardOpenOption.WRITE)) {
      channel.force(true);
    } catch (IOException e) {
      if (!directory) {
        throw e;
      }
      // Some file systems cannot open a directory for sync; the rename is still atomic there.
    }
  }
}
