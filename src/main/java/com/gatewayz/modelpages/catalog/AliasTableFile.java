package com.gatewayz.modelpages.catalog;

import com.gatewayz.modelpages.platform.JsonSupport;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads {@code model-aliases.json}; every field is checked and lower-cased, and an error names the
 * file and the field. See {@code server-config/model-aliases.json} for the shape.
 */
final class AliasTableFile {

  private static final Set<String> TOP_LEVEL =
      Set.of(
          "comment",
          "developers",
          "firstPartySellers",
          "hostPrefixes",
          "quantizations",
          "quantizers",
          "variants",
          "sellers",
          "names");
  private static final Set<String> SELLER_FIELDS = Set.of("suffixes", "rewrites", "names");
  private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
  private static final Pattern WORD = Pattern.compile("[a-z0-9]{1,32}");
  private static final int MAX_TEXT = 256;

  private final String source;

  private AliasTableFile(String source) {
    this.source = source;
  }

  static AliasTable.Parts read(InputStream in, String source) {
    return new AliasTableFile(source).parts(root(in, source));
  }

  private static JsonObject root(InputStream in, String source) {
    try (JsonReader reader = JsonSupport.JSON.createReader(in)) {
      if (reader.readValue() instanceof JsonObject root) {
        return root;
      }
    } catch (JsonException e) {
      throw new AliasTableException(source + ": not valid JSON: " + e.getMessage(), e);
    }
    throw new AliasTableException(source + ": expected a JSON object");
  }

  private AliasTable.Parts parts(JsonObject root) {
    onlyFields(root, TOP_LEVEL, "the top level");
    Map<String, String> firstParty =
        slugMap(object(root, "firstPartySellers"), "firstPartySellers");
    return new AliasTable.Parts(
        withFirstParty(developers(object(root, "developers")), firstParty),
        firstParty,
        texts(root, "hostPrefixes"),
        words(root, "quantizations"),
        slugs(root, "quantizers"),
        words(root, "variants"),
        sellers(object(root, "sellers")),
        names(object(root, "names"), "names"));
  }

  // {"meta-llama": ["meta", "facebook"]} → every alias and the canonical slug → the canonical slug.
  private Map<String, String> developers(JsonObject developers) {
    Map<String, String> out = new HashMap<>();
    for (String canonical : developers.keySet()) {
      String field = "developers." + canonical;
      claim(out, slug(canonical, field), canonical, field);
      for (String alias : strings(developers.get(canonical), field)) {
        claim(out, slug(AliasTable.lower(alias), field), canonical, field);
      }
    }
    return Map.copyOf(out);
  }

  // A seller whose bare names are its own models names a developer too.
  private static Map<String, String> withFirstParty(
      Map<String, String> developers, Map<String, String> firstParty) {
    Map<String, String> out = new HashMap<>(developers);
    firstParty.values().forEach(developer -> out.putIfAbsent(developer, developer));
    return Map.copyOf(out);
  }

  private void claim(Map<String, String> out, String alias, String canonical, String field) {
    String before = out.putIfAbsent(alias, canonical);
    if (before != null && !before.equals(canonical)) {
      throw fail(field, "\"" + alias + "\" already belongs to \"" + before + "\"");
    }
  }

  private Map<String, AliasTable.SellerRules> sellers(JsonObject sellers) {
    Map<String, AliasTable.SellerRules> out = new HashMap<>();
    for (String seller : sellers.keySet()) {
      String field = "sellers." + seller;
      JsonObject rules = asObject(sellers.get(seller), field);
      onlyFields(rules, SELLER_FIELDS, field);
      out.put(
          slug(seller, field),
          new AliasTable.SellerRules(
              suffixes(object(rules, "suffixes"), field + ".suffixes"),
              rewrites(rules, field + ".rewrites"),
              names(object(rules, "names"), field + ".names")));
    }
    return Map.copyOf(out);
  }

  private Map<String, String> suffixes(JsonObject suffixes, String field) {
    Map<String, String> out = new HashMap<>();
    for (String suffix : suffixes.keySet()) {
      String quantization = string(suffixes.get(suffix), field + "." + suffix);
      if (!quantization.isEmpty()) {
        word(quantization, field + "." + suffix);
      }
      out.put(word(AliasTable.lower(suffix), field), quantization);
    }
    return Map.copyOf(out);
  }

  private List<AliasTable.Rewrite> rewrites(JsonObject rules, String field) {
    List<AliasTable.Rewrite> out = new ArrayList<>();
    JsonValue value = rules.get("rewrites");
    List<JsonValue> entries = value == null ? List.of() : asArray(value, field);
    for (int i = 0; i < entries.size(); i++) {
      String where = field + "[" + i + "]";
      JsonObject entry = asObject(entries.get(i), where);
      onlyFields(entry, Set.of("pattern", "replacement"), where);
      try {
        Pattern pattern = Pattern.compile(string(entry.get("pattern"), where + ".pattern"));
        out.add(
            new AliasTable.Rewrite(
                pattern, string(entry.get("replacement"), where + ".replacement")));
      } catch (PatternSyntaxException e) {
        throw fail(where + ".pattern", "not a regular expression: " + e.getDescription());
      }
    }
    return List.copyOf(out);
  }

  private Map<String, String> names(JsonObject names, String field) {
    Map<String, String> out = new HashMap<>();
    for (String name : names.keySet()) {
      String target = string(names.get(name), field + "." + name);
      if (!ModelId.isValid(target) || target.indexOf('/') < 0) {
        throw fail(
            field + "." + name,
            "\"" + target + "\" is not a model id such as \"meta-llama/llama-3.3-70b-instruct\"");
      }
      out.put(AliasTable.lower(name), target);
    }
    return Map.copyOf(out);
  }

  private Map<String, String> slugMap(JsonObject map, String field) {
    Map<String, String> out = new HashMap<>();
    for (String key : map.keySet()) {
      out.put(
          slug(key, field),
          slug(AliasTable.lower(string(map.get(key), field + "." + key)), field + "." + key));
    }
    return Map.copyOf(out);
  }

  private List<String> texts(JsonObject root, String field) {
    JsonValue value = root.get(field);
    List<String> out = new ArrayList<>();
    for (String text : value == null ? List.<String>of() : strings(value, field)) {
      if (text.isEmpty() || text.length() > MAX_TEXT) {
        throw fail(field, "entries must be 1 to " + MAX_TEXT + " characters");
      }
      out.add(text);
    }
    return List.copyOf(out);
  }

  private Set<String> words(JsonObject root, String field) {
    Set<String> out = new LinkedHashSet<>();
    texts(root, field).forEach(text -> out.add(word(AliasTable.lower(text), field)));
    return Set.copyOf(out);
  }

  private Set<String> slugs(JsonObject root, String field) {
    Set<String> out = new LinkedHashSet<>();
    texts(root, field).forEach(text -> out.add(slug(AliasTable.lower(text), field)));
    return Set.copyOf(out);
  }

  private String slug(String value, String field) {
    if (!SLUG.matcher(value).matches()) {
      throw fail(field, "\"" + value + "\" is not a lower-case slug");
    }
    return value;
  }

  private String word(String value, String field) {
    if (!WORD.matcher(value).matches()) {
      throw fail(field, "\"" + value + "\" must be 1 to 32 lower-case letters and digits");
    }
    return value;
  }

  private List<String> strings(JsonValue value, String field) {
    List<String> out = new ArrayList<>();
    for (JsonValue item : asArray(value, field)) {
      out.add(string(item, field));
    }
    return out;
  }

  private String string(JsonValue value, String field) {
    if (value instanceof JsonString text && text.getString().length() <= MAX_TEXT) {
      return text.getString();
    }
    throw fail(field, "must be a string of at most " + MAX_TEXT + " characters");
  }

  private JsonObject object(JsonObject parent, String field) {
    JsonValue value = parent.get(field);
    return value == null ? JsonValue.EMPTY_JSON_OBJECT : asObject(value, field);
  }

  private JsonObject asObject(JsonValue value, String field) {
    if (value instanceof JsonObject object) {
      return object;
    }
    throw fail(field, "must be an object");
  }

  private List<JsonValue> asArray(JsonValue value, String field) {
    if (value.getValueType() == JsonValue.ValueType.ARRAY) {
      return value.asJsonArray();
    }
    throw fail(field, "must be an array");
  }

  private void onlyFields(JsonObject object, Set<String> allowed, String where) {
    for (String key : object.keySet()) {
      if (!allowed.contains(key)) {
        throw new AliasTableException(source + ": unknown field \"" + key + "\" in " + where);
      }
    }
  }

  private AliasTableException fail(String field, String problem) {
    return new AliasTableException(source + ": field \"" + field + "\": " + problem);
  }
}
