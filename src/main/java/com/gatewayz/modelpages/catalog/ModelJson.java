package com.gatewayz.modelpages.catalog;

import com.gatewayz.modelpages.platform.JsonFieldReader;
import com.gatewayz.modelpages.platform.JsonSupport;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The JSON shape of a model, shared by the curated file, the durable store, the API and webhooks:
 * {@code id, name, provider_slug, description, context_length, pricing{prompt,completion},
 * architecture{input_modalities,output_modalities}, supported_parameters, created, source_gateways,
 * offers[{gateway,pricing,context_length,max_completion_tokens,listing_id,
 * quantization,evidence}]}; the last three are written, never read (the merge derives them). Prices
 * are plain-notation strings in USD per token. Reading is strict, with {@link ListingBounds}'
 * numbers: untrusted documents fail with an {@link InvalidModelException} naming the field.
 */
public final class ModelJson {

  private static final int MAX_NAME = ListingBounds.MAX_NAME;
  private static final int MAX_DESCRIPTION = ListingBounds.MAX_DESCRIPTION;
  private static final long MAX_CONTEXT = ListingBounds.MAX_TOKENS;
  private static final long MAX_CREATED = ListingBounds.MAX_CREATED;
  private static final int MAX_ITEMS = ListingBounds.MAX_LIST_ITEMS;
  private static final int MAX_ITEM = ListingBounds.MAX_LIST_ITEM;

  /**
   * The strict field reader of every catalog document: an odd value is an {@link
   * InvalidModelException}.
   */
  static final JsonFieldReader<InvalidModelException> FIELDS =
      JsonFieldReader.strict(InvalidModelException::new);

  private ModelJson() {}

  /** Reads one model; {@code path} names it in errors ({@code models[3]}). */
  public static Model read(JsonValue value, String path) throws InvalidModelException {
    if (!(value instanceof JsonObject object)) {
      throw new InvalidModelException(path, "must be an object");
    }
    String id = requiredId(object, path);
    List<Offer> offers = offers(object, path);
    Pricing pricing = pricing(FIELDS.object(object, "pricing", path), path + ".pricing");
    Model model =
        new Model(
            id,
            FIELDS.string(object, "name", path, MAX_NAME),
            developer(object, id, path),
            FIELDS.string(object, "description", path, MAX_DESCRIPTION),
            Optional.ofNullable(FIELDS.wholeNumber(object, "context_length", path, 0, MAX_CONTEXT))
                .orElse(0L),
            pricing,
            null,
            architecture(object, path),
            FIELDS.strings(object, "supported_parameters", path, MAX_ITEMS, MAX_ITEM),
            FIELDS.wholeNumber(object, "created", path, 0, MAX_CREATED),
            List.of());
    return offers.isEmpty() ? model : model.withOffers(offers);
  }

  /** Reads an array of models ({@code models[0]}, {@code models[1]}, ...). */
  public static List<Model> readAll(JsonArray array, String path) throws InvalidModelException {
    List<Model> models = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      models.add(read(array.get(i), path + "[" + i + "]"));
    }
    return models;
  }

  private static String requiredId(JsonObject object, String path) throws InvalidModelException {
    String id = FIELDS.string(object, "id", path, ModelId.MAX_LENGTH + 1);
    if (id == null) {
      throw new InvalidModelException(path + ".id", "is required");
    }
    Optional<String> problem = ModelId.problem(id);
    if (problem.isPresent()) {
      throw new InvalidModelException(path + ".id", problem.get());
    }
    return id;
  }

  private static String developer(JsonObject object, String id, String path)
      throws InvalidModelException {
    String given = FIELDS.string(object, "provider_slug", path, ListingBounds.MAX_SLUG);
    if (given != null && !given.isBlank()) {
      String slug = Slugs.developer(given);
      if (slug.isEmpty()) {
        throw new InvalidModelException(path + ".provider_slug", "must contain a letter or digit");
      }
      return slug;
    }
    return Slugs.developerOf(id);
  }

  private static Pricing pricing(JsonObject pricing, String path) throws InvalidModelException {
    if (pricing == null) {
      return Pricing.UNKNOWN;
    }
    return new Pricing(price(pricing, "prompt", path), price(pricing, "completion", path));
  }

  /** A price given as a decimal string ("0.000003") or a JSON number; null when absent. */
  private static BigDecimal price(JsonObject object, String name, String path)
      throws InvalidModelException {
    BigDecimal price = FIELDS.decimal(object, name, path);
    String problem = price == null ? null : ListingBounds.priceProblem(price);
    if (problem != null) {
      throw new InvalidModelException(path + "." + name, problem);
    }
    return price;
  }

  private static Architecture architecture(JsonObject object, String path)
      throws InvalidModelException {
    JsonObject architecture = FIELDS.object(object, "architecture", path);
    if (architecture == null) {
      return null;
    }
    String where = path + ".architecture";
    return new Architecture(
        lowerCase(FIELDS.strings(architecture, "input_modalities", where, MAX_ITEMS, MAX_ITEM)),
        lowerCase(FIELDS.strings(architecture, "output_modalities", where, MAX_ITEMS, MAX_ITEM)));
  }

  private static List<String> lowerCase(List<String> values) {
    return values == null ? null : values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
  }

  private static List<Offer> offers(JsonObject object, String path) throws InvalidModelException {
    JsonArray array = FIELDS.array(object, "offers", path, 64);
    List<Offer> offers = new ArrayList<>();
    if (array == null) {
      return offers;
    }
    for (int i = 0; i < array.size(); i++) {
      offers.add(offer(array.get(i), path + ".offers[" + i + "]"));
    }
    return offers;
  }

  private static Offer offer(JsonValue value, String path) throws InvalidModelException {
    if (!(value instanceof JsonObject object)) {
      throw new InvalidModelException(path, "must be an object");
    }
    String gateway = FIELDS.string(object, "gateway", path, 64);
    if (gateway == null || !gateway.matches("[a-z0-9][a-z0-9-]{0,63}")) {
      throw new InvalidModelException(
          path + ".gateway", "must be a gateway id such as \"openrouter\"");
    }
    return new Offer(
        gateway,
        pricing(FIELDS.object(object, "pricing", path), path + ".pricing"),
        FIELDS.wholeNumber(object, "context_length", path, 0, MAX_CONTEXT),
        FIELDS.wholeNumber(object, "max_completion_tokens", path, 0, MAX_CONTEXT));
  }

  /** The model as JSON, prices as plain-notation strings. */
  public static JsonObject write(Model model) {
    JsonObjectBuilder json =
        JsonSupport.JSON
            .createObjectBuilder()
            .add("id", model.id())
            .add("name", model.name())
            .add("provider_slug", model.developer())
            .add("description", model.description())
            .add("context_length", model.contextLength())
            .add("pricing", write(model.pricing()))
            .add("architecture", write(model.architecture()))
            .add("supported_parameters", strings(model.supportedParameters()))
            .add("source_gateways", strings(model.sourceGateways()));
    addNullable(json, "created", model.created());
    JsonArrayBuilder offers = JsonSupport.JSON.createArrayBuilder();
    model.offers().forEach(offer -> offers.add(write(offer)));
    return json.add("offers", offers).build();
  }

  private static JsonObject write(Offer offer) {
    JsonObjectBuilder json =
        JsonSupport.JSON
            .createObjectBuilder()
            .add("gateway", offer.gateway())
            .add("pricing", write(offer.pricing()));
    addNullable(json, "context_length", offer.contextLength());
    addNullable(json, "max_completion_tokens", offer.maxCompletionTokens());
    addNullable(json, "listing_id", offer.listingId());
    addNullable(json, "quantization", offer.quantization());
    addNullable(json, "evidence", offer.evidence() == null ? null : offer.evidence().jsonName());
    return json.build();
  }

  private static void addNullable(JsonObjectBuilder json, String name, String value) {
    if (value == null) {
      json.addNull(name);
    } else {
      json.add(name, value);
    }
  }

  public static JsonObject write(Pricing pricing) {
    JsonObjectBuilder json = JsonSupport.JSON.createObjectBuilder();
    addPrice(json, "prompt", pricing.prompt());
    addPrice(json, "completion", pricing.completion());
    return json.build();
  }

  private static JsonObject write(Architecture architecture) {
    return JsonSupport.JSON
        .createObjectBuilder()
        .add("input_modalities", strings(architecture.inputModalities()))
        .add("output_modalities", strings(architecture.outputModalities()))
        .build();
  }

  private static void addPrice(JsonObjectBuilder json, String name, BigDecimal price) {
    if (price == null) {
      json.addNull(name);
    } else {
      json.add(name, price.toPlainString());
    }
  }

  private static void addNullable(JsonObjectBuilder json, String name, Long value) {
    if (value == null) {
      json.addNull(name);
    } else {
      json.add(name, value);
    }
  }

  private static JsonArrayBuilder strings(List<String> values) {
    JsonArrayBuilder array = JsonSupport.JSON.createArrayBuilder();
    values.forEach(array::add);
    return array;
  }
}
