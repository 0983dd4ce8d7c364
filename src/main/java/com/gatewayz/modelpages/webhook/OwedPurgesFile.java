package com.gatewayz.modelpages.webhook;

import com.gatewayz.modelpages.isr.Invalidation;
import com.gatewayz.modelpages.platform.DurableFiles;
import com.gatewayz.modelpages.platform.JsonSupport;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Where {@link OwedPurges} keeps its debts across restarts: {@code
 * {"format":1,"owed":[{"body":"<sha-256 hex>","tags":[...],"paths":[...]}]}}, oldest first,
 * replaced atomically (temp file, fsync, rename, directory fsync) on every change and removed once
 * nothing is owed. A file that cannot be read, or that is larger or stranger than this server ever
 * writes, is moved aside with a warning: start-up goes on without its debts. Not thread-safe.
 */
final class OwedPurgesFile {

  /** The file's name in the data directory. */
  static final String NAME = "owed-purges.json";

  /**
   * The largest file read: {@link OwedPurges#MAX_NAMES} names of ids of the longest kind, and more.
   */
  static final long MAX_BYTES = 64L << 20;

  /** The longest tag or path read; the catalog's are far shorter. */
  static final int MAX_NAME_LENGTH = 1_024;

  private static final int FORMAT = 1;
  private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");
  private static final DateTimeFormatter ASIDE =
      DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss").withZone(ZoneOffset.UTC);
  private static final Logger LOG = Logger.getLogger(OwedPurges.class.getName());

  private final Path path;
  private final Path temp;
  private final Clock clock;
  private final int maxEntries;

  OwedPurgesFile(Path path, Clock clock, int maxEntries) {
    this.path = path;
    this.temp = DurableFiles.tempOf(path);
    this.clock = clock;
    this.maxEntries = maxEntries;
  }

  Path path() {
    return path;
  }

  /**
   * The debts stored by body hash, oldest first; none when there is no file or it was moved aside.
   */
  Map<String, Invalidation> read() {
    deleteTemp();
    try {
      return Files.exists(path) ? parse(bytes()) : new LinkedHashMap<>();
    } catch (IOException | RuntimeException e) {
      moveAside(e);
      return new LinkedHashMap<>();
    }
  }

  /** Replaces the file with {@code owed}, or removes it when {@code owed} is empty. */
  void write(Map<String, Invalidation> owed) throws IOException {
    if (owed.isEmpty()) {
      Files.deleteIfExists(path);
      DurableFiles.forceDirectory(path.getParent());
    } else {
      DurableFiles.replace(path, json(owed).toString().getBytes(StandardCharsets.UTF_8));
    }
  }

  private byte[] bytes() throws IOException {
    if (Files.size(path) > MAX_BYTES) {
      throw new IllegalArgumentException("it is larger than " + MAX_BYTES + " bytes");
    }
    return Files.readAllBytes(path);
  }

  private Map<String, Invalidation> parse(byte[] bytes) {
    JsonObject json;
    try (JsonReader reader = JsonSupport.JSON.createReader(new ByteArrayInputStream(bytes))) {
      json = reader.readObject();
    }
    // Compared as a decimal: turning a hostile 1e999999999 into an int would take forever.
    if (json.getJsonNumber("format").bigDecimalValue().compareTo(BigDecimal.valueOf(FORMAT)) != 0) {
      throw new IllegalArgumentException("format is not " + FORMAT);
    }
    JsonArray debts = json.getJsonArray("owed");
    if (debts.size() > maxEntries) {
      throw new IllegalArgumentException("it holds more than " + maxEntries + " debts");
    }
    Map<String, Invalidation> owed = new LinkedHashMap<>();
    for (JsonObject debt : debts.getValuesAs(JsonObject.class)) {
      owed.put(
          key(debt.getString("body")), new Invalidation(names(debt, "tags"), names(debt, "paths")));
    }
    return owed;
  }

  private static String key(String key) {
    if (!KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("a body hash is not 64 hex digits");
    }
    return key;
  }

  private static List<String> names(JsonObject debt, String field) {
    List<String> names =
        debt.getJsonArray(field).getValuesAs(JsonString.class).stream()
            .map(JsonString::getString)
            .toList();
    if (names.stream().anyMatch(name -> name.length() > MAX_NAME_LENGTH)) {
      throw new IllegalArgumentException(
          "a name in " + field + " is longer than " + MAX_NAME_LENGTH);
    }
    return names;
  }

  private static JsonObject json(Map<String, Invalidation> owed) {
    var debts = JsonSupport.JSON.createArrayBuilder();
    owed.forEach(
        (key, invalidation) ->
            debts.add(
                JsonSupport.JSON
                    .createObjectBuilder()
                    .add("body", key)
                    .add("tags", JsonSupport.JSON.createArrayBuilder(invalidation.tags()))
                    .add("paths", JsonSupport.JSON.createArrayBuilder(invalidation.paths()))));
    return JsonSupport.JSON.createObjectBuilder().add("format", FORMAT).add("owed", debts).build();
  }

  // A temp file a crash left behind holds nothing the file does not.
  private void deleteTemp() {
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      LOG.warning(() -> "[Webhook] Could not remove " + temp + ": " + e.getMessage());
    }
  }

  private void moveAside(Exception cause) {
    Path aside =
        path.resolveSibling(path.getFileName() + ".unreadable-" + ASIDE.format(clock.instant()));
    String what =
        "[Webhook] The purges owed to webhook retries in "
            + path
            + " cannot be read ("
            + cause.getClass().getSimpleName()
            + ": "
            + cause.getMessage()
            + "); ";
    try {
      Files.move(path, aside, StandardCopyOption.REPLACE_EXISTING);
      DurableFiles.forceDirectory(path.getParent());
      LOG.warning(
          () ->
              what
                  + "moved to "
                  + aside
                  + ". Those debts are lost: the pages they"
                  + " owed update when they are revalidated");
    } catch (IOException e) {
      LOG.warning(
          () ->
              what
                  + "and it cannot be moved aside ("
                  + e.getMessage()
                  + "). Those debts"
                  + " are lost: the pages they owed update when they are revalidated");
    }
  }
}
